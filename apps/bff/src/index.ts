export { createApp } from './app.js';
export type { AppDeps } from './app.js';
export { loadConfig } from './config.js';
export type { Config } from './config.js';
