export * from './cluster-status.js';
export * from './kargo/index.js';
