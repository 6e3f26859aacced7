// Runs the real CLI (src/cli.ts bundled with esbuild) as a child process, for crash tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src/cli.ts');

/** Bundles the CLI under this package's node_modules so its imports resolve from here. */
export async function bundleCli(): Promise<string> {
  const outfile = join(
    dirname(SRC),
    '..',
    'node_modules',
    '.wharf-test',
    `cli-${process.pid}-${Date.now()}.mjs`,
  );
  await build({
    entryPoints: [SRC],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    packages: 'external',
    logLevel: 'silent',
  });
  return outfile;
}

export interface Child {
  proc: ChildProcess;
  url: string;
  token: string;
  ca: string;
}

export async function startChild(cli: string, dataDir: string): Promise<Child> {
  const proc = spawn(process.execPath, [cli, '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((res, rej) => {
    let out = '';
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"url":"([^"]+)"/.exec(out);
      if (m?.[1]) res(m[1]);
    });
    proc.once('exit', (code) => rej(new Error(`server exited with ${code}`)));
  });
  return {
    proc,
    url,
    token: readFileSync(join(dataDir, 'admin-token'), 'utf8').trim(),
    ca: readFileSync(join(dataDir, 'ca.crt'), 'utf8'),
  };
}

export function call(
  c: Child,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  return new Promise((res, rej) => {
    const req = request(
      `${c.url}${path}`,
      {
        method,
        ca: c.ca,
        headers: { Authorization: `Bearer ${c.token}`, 'Content-Type': 'application/json' },
      },
      (r) => {
        let text = '';
        r.on('data', (d: Buffer) => (text += d.toString()));
        r.on('end', () =>
          res({
            status: r.statusCode ?? 0,
            json: text ? (JSON.parse(text) as unknown) : undefined,
          }),
        );
        r.on('error', rej);
      },
    );
    req.on('error', rej);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
