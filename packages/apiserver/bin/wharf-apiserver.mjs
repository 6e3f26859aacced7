#!/usr/bin/env node
// Runs the embedded API server alone; the bundle is built by `npm run build` at the repo root.
await import('../dist/cli.js');
