// Transpiles the Node packages file by file (no bundling), src/**/*.ts → dist/**/*.js, so each
// package's imports resolve from its own node_modules at run time. Type checking is `tsc --noEmit`.
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const PACKAGES = ['packages/shared', 'packages/apiserver', 'packages/controller', 'apps/bff'];

function sources(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.ts$/.test(name) && !/\.(test|spec)\.ts$/.test(name) && !name.endsWith('.d.ts'))
      out.push(path);
  }
  return out;
}

for (const pkg of PACKAGES) {
  const src = join(pkg, 'src');
  if (!existsSync(src)) continue;
  rmSync(join(pkg, 'dist'), { recursive: true, force: true });
  await build({
    entryPoints: sources(src),
    outdir: join(pkg, 'dist'),
    outbase: src,
    bundle: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
  });
}
