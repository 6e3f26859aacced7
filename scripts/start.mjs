// `npm start`: install if needed, build if needed, then run the BFF (which serves the web app).
import { spawn } from 'node:child_process';
import { ensureInstalled } from './lib/bootstrap.mjs';
import { ensureBuilt } from './lib/build.mjs';

await ensureInstalled();
await ensureBuilt();

const child = spawn(process.execPath, ['--enable-source-maps', 'apps/bff/dist/main.js'], {
  stdio: 'inherit',
  env: process.env,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
