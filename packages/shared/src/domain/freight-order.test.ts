import { describe, expect, it } from 'vitest';
import type { Freight } from '../kargo/freight.js';
import { sortFreightNewestFirst } from './freight-order.js';

function f(name: string, discoveredAt?: string, creationTimestamp?: string): Freight {
  return {
    metadata: { name, ...(creationTimestamp ? { creationTimestamp } : {}) },
    origin: { kind: 'Warehouse', name: 'w' },
    ...(discoveredAt ? { discoveredAt } : {}),
  };
}
const names = (list: Freight[]) => list.map((x) => x.metadata.name);

describe('sortFreightNewestFirst', () => {
  it('puts the most recently discovered freight first', () => {
    const list = [
      f('old', '2026-01-01T00:00:00Z'),
      f('new', '2026-01-03T00:00:00Z'),
      f('mid', '2026-01-02T00:00:00Z'),
    ];
    expect(names(sortFreightNewestFirst(list))).toEqual(['new', 'mid', 'old']);
  });

  it('breaks discovery ties by creation time, newest first', () => {
    const at = '2026-01-01T00:00:00Z';
    const list = [f('a', at, '2026-01-01T00:00:01Z'), f('b', at, '2026-01-01T00:00:05Z')];
    expect(names(sortFreightNewestFirst(list))).toEqual(['b', 'a']);
  });

  it('breaks remaining ties by name so the order never flickers', () => {
    const at = '2026-01-01T00:00:00Z';
    const list = [f('c', at, at), f('a', at, at), f('b', at, at)];
    expect(names(sortFreightNewestFirst(list))).toEqual(['a', 'b', 'c']);
    expect(names(sortFreightNewestFirst([...list].reverse()))).toEqual(['a', 'b', 'c']);
  });

  it('sorts freight without a discovery time after freight with one, by creation time', () => {
    const list = [
      f('none-old', undefined, '2026-01-01T00:00:00Z'),
      f('discovered', '2025-01-01T00:00:00Z'),
      f('none-new', undefined, '2026-02-01T00:00:00Z'),
    ];
    expect(names(sortFreightNewestFirst(list))).toEqual(['discovered', 'none-new', 'none-old']);
  });

  it('leaves the input array untouched', () => {
    const list = [f('a', '2026-01-01T00:00:00Z'), f('b', '2026-01-02T00:00:00Z')];
    sortFreightNewestFirst(list);
    expect(names(list)).toEqual(['a', 'b']);
  });
});
