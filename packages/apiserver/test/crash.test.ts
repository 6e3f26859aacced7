// Durability: a server process killed with SIGKILL in the middle of a write load loses no write
// it acknowledged with a 2xx.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, call, startChild, type Child } from './helpers/child-server.js';
import { tempDir } from './helpers/server.js';

describe('crash safety', () => {
  let dir: string;
  let cli: string;
  let child: Child | undefined;
  beforeAll(async () => {
    dir = tempDir('wharf-crash-');
    cli = await bundleCli();
  });
  afterAll(() => {
    child?.proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    rmSync(cli, { force: true });
  });

  it('after kill -9 and restart, every acknowledged create and update is there', async () => {
    const data = `${dir}/data`;
    child = await startChild(cli, data);
    const c = child;
    const acked = new Set<string>();
    const ackedSeq = new Map<string, number>();
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const name = `w${w}-${i}`;
        try {
          const r = await call(c, 'POST', '/api/v1/namespaces/default/configmaps', {
            metadata: { name },
            data: { seq: '0' },
          });
          if (r.status === 201) acked.add(name);
          const u = await call(c, 'PATCH', `/api/v1/namespaces/default/configmaps/w${w}-0`, {
            data: { seq: String(i) },
          }).catch(() => undefined);
          if (u?.status === 200) ackedSeq.set(`w${w}-0`, i);
        } catch {
          return; // connection refused or reset: the process is gone
        }
      }
    };
    const writers = Array.from({ length: 16 }, (_, w) => writer(w));
    await new Promise((r) => setTimeout(r, 1500));
    c.proc.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    expect(acked.size).toBeGreaterThan(50);

    child = await startChild(cli, data);
    const list = (await call(child, 'GET', '/api/v1/namespaces/default/configmaps')).json as {
      items: { metadata: { name: string }; data?: { seq?: string } }[];
    };
    const stored = new Map(list.items.map((i) => [i.metadata.name, Number(i.data?.seq ?? -1)]));
    const missing = [...acked].filter((n) => !stored.has(n));
    expect(missing).toEqual([]);
    for (const [name, seq] of ackedSeq) expect(stored.get(name) ?? -1).toBeGreaterThanOrEqual(seq);
  });
});
