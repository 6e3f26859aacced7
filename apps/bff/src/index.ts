export { createApp } from './app.js';
export type { AppDeps, ExtraRouter } from './app.js';
export { loadConfig } from './config.js';
export type { Config } from './config.js';
export { startBff } from './server.js';
export type { BffOptions, RunningBff } from './server.js';
export type { AccessCheck, AccessDecision, Caller, CallerResolver } from './access/caller.js';
