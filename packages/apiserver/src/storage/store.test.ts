// Store recovery: snapshot plus log replay, and a torn last log line after a crash.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KObj } from '../util/kobj.js';
import { Store } from './store.js';

const dirs: string[] = [];
function dir(): string {
  const d = mkdtempSync(join(tmpdir(), 'wharf-store-'));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const cm = (name: string, v: string): KObj => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default' },
  data: { v },
});

describe('Store', () => {
  it('replays the log after an unclean stop, ignoring a torn last line', async () => {
    const d = dir();
    const s = new Store(d);
    await s.put('configmaps', cm('a', '1'));
    await s.put('configmaps', cm('b', '1'));
    await s.put('configmaps', cm('a', '2'));
    const b = s.get('configmaps', 'default', 'b');
    if (b) await s.remove('configmaps', b);
    // Simulate a crash in the middle of the next append: no close(), half a record.
    appendFileSync(join(d, 'wal.log'), '{"rv":99,"op":"put","gr":"configmaps","ns":"def');
    const r = new Store(d);
    expect(r.currentRv()).toBe(4);
    expect(r.list('configmaps').map((o) => [o.metadata.name, (o.data as { v: string }).v])).toEqual(
      [['a', '2']],
    );
    expect(r.get('configmaps', 'default', 'a')?.metadata.resourceVersion).toBe('3');
  });

  it('after close() the state comes back from the snapshot with resourceVersions continuing', async () => {
    const d = dir();
    const s = new Store(d);
    for (let i = 0; i < 10; i++) await s.put('configmaps', cm(`c${i}`, String(i)));
    await s.close();
    const r = new Store(d);
    expect(r.list('configmaps')).toHaveLength(10);
    const next = await r.put('configmaps', cm('late', 'x'));
    expect(next.metadata.resourceVersion).toBe('11');
    await r.close();
  });

  it('announces commits in resourceVersion order, each only after it is durable', async () => {
    const s = new Store(dir());
    const seen: number[] = [];
    s.onCommit((e) => seen.push(e.rv));
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.put('configmaps', cm(`p${i}`, '1'))));
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await s.close();
  });

  it('keeps lists in namespace/name order through creates, updates and deletes after the first list', async () => {
    const s = new Store(dir());
    const names = ['m', 'c', 'x', 'a', 'q', 'b', 'z', 'k'];
    for (const n of names) await s.put('configmaps', cm(n, '1'));
    expect(s.list('configmaps').map((o) => o.metadata.name)).toEqual([...names].sort());
    await s.put('configmaps', cm('d', '1'));
    await s.put('configmaps', cm('q', '2'));
    await s.put('configmaps', { ...cm('e', '1'), metadata: { name: 'e', namespace: 'another' } });
    for (const n of ['a', 'z', 'k']) {
      const o = s.get('configmaps', 'default', n);
      if (o) await s.remove('configmaps', o);
    }
    const listed = s.list('configmaps').map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    expect(listed).toEqual([...listed].sort());
    expect(listed).toEqual([
      'another/e',
      ...['b', 'c', 'd', 'm', 'q', 'x'].map((n) => `default/${n}`),
    ]);
    expect(
      (s.list('configmaps', 'default').find((o) => o.metadata.name === 'q')?.data as { v: string })
        .v,
    ).toBe('2');
    await s.close();
  });

  it('snapshots while writes are in flight without losing or tearing any of them', async () => {
    const d = dir();
    const s = new Store(d);
    const writes = Array.from({ length: 50 }, (_, i) => s.put('configmaps', cm(`w${i}`, '1')));
    // One turn later their batch is being written off the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    const snap = s.snapshot();
    const more = Array.from({ length: 50 }, (_, i) => s.put('configmaps', cm(`v${i}`, '1')));
    await Promise.all([...writes, snap, ...more]);
    // No close(): what is on disk must already hold all 100.
    const r = new Store(d);
    expect(r.list('configmaps')).toHaveLength(100);
    expect(r.currentRv()).toBe(100);
    await s.close();
  });
});
