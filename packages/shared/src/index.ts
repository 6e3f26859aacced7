export * from './cluster-status.js';
export * from './domain/index.js';
export * from './kargo/index.js';
