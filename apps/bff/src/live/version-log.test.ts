import { describe, expect, it } from 'vitest';
import { VersionLog } from './version-log.js';

describe('VersionLog', () => {
  it('chains each delta to the version before it', () => {
    const log = new VersionLog<{ v: string; p: string }>();
    const start = log.version;
    const a = log.append((v, p) => ({ v, p }));
    const b = log.append((v, p) => ({ v, p }));
    expect(a.p).toBe(start);
    expect(b.p).toBe(a.v);
  });

  it('replays what came after a known version, nothing for the current one', () => {
    const log = new VersionLog<string>();
    const v0 = log.version;
    log.append(() => 'a');
    const v1 = log.version;
    log.append(() => 'b');
    expect(log.since(v1)).toEqual(['b']);
    expect(log.since(log.version)).toEqual([]);
    expect(log.since(v0)).toEqual(['a', 'b']);
  });

  it('cannot resume across a reset or past its capacity', () => {
    const log = new VersionLog<number>(2);
    const old = log.version;
    log.append(() => 1);
    log.append(() => 2);
    log.append(() => 3);
    expect(log.since(old)).toBeUndefined();
    const before = log.version;
    log.reset();
    expect(log.since(before)).toBeUndefined();
  });
});
