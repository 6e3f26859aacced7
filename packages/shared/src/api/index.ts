// Wire schemas of the BFF: every REST body and socket event, as zod schemas plus inferred types.
export * from './common.js';
export * from './artifacts.js';
export * from './stage-view.js';
export * from './warehouse-view.js';
export * from './verification-view.js';
export * from './freight-view.js';
export * from './promotion-view.js';
export * from './event-view.js';
export * from './project-view.js';
export * from './actions.js';
export * from './capabilities.js';
export * from './auth.js';
export * from './socket.js';
export * from './roles.js';
export * from './names.js';
export * from './attention.js';
export * from './search.js';
