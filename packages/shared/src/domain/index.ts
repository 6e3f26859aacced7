export * from './conditions.js';
export * from './duration.js';
export * from './freight-availability.js';
export * from './soak.js';
export * from './stage-phase.js';
