// Runs the real kubectl binary against a test server, with its own kubeconfig and cache dir.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningApiServer } from '../../src/index.js';

export const KUBECTL = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((p) => existsSync(p));

export interface Kubectl {
  run(
    args: string[],
    opts?: { input?: string; token?: string },
  ): Promise<{ code: number; stdout: string; stderr: string }>;
  ok(args: string[], opts?: { input?: string; token?: string }): Promise<string>;
  spawn(args: string[]): ChildProcess;
}

export function kubectlFor(server: RunningApiServer, dir: string): Kubectl {
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, server.kubeconfigYaml());
  const env = { ...process.env, KUBECONFIG: kubeconfig, HOME: dir };
  const base = (token?: string) => [
    '--cache-dir',
    join(dir, 'cache'),
    ...(token ? ['--token', token] : []),
  ];
  const k: Kubectl = {
    run: (args, opts = {}) =>
      new Promise((resolve) => {
        const child = execFile(
          KUBECTL ?? 'kubectl',
          [...base(opts.token), ...args],
          { env, timeout: 20_000 },
          (err, stdout, stderr) => {
            const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
            resolve({ code, stdout, stderr });
          },
        );
        if (opts.input !== undefined) child.stdin?.end(opts.input);
      }),
    async ok(args, opts) {
      const r = await k.run(args, opts);
      if (r.code !== 0)
        throw new Error(`kubectl ${args.join(' ')} failed (${r.code}): ${r.stderr}`);
      return r.stdout;
    },
    spawn: (args) => spawn(KUBECTL ?? 'kubectl', [...base(), ...args], { env }),
  };
  return k;
}
