import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from './coalescer.js';

describe('Coalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('flushes a burst of changes to one key once, with the newest value', () => {
    const batches: Map<string, number>[] = [];
    const c = new Coalescer<string, number>(50, (b) => batches.push(b));
    for (let i = 0; i < 10; i++) c.add('stage/a', i);
    c.add('stage/b', 1);
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(50);
    expect(batches).toHaveLength(1);
    expect([...(batches[0] ?? new Map())]).toEqual([
      ['stage/a', 9],
      ['stage/b', 1],
    ]);
  });

  it('puts a change made after a flush into the next batch, so none is lost', () => {
    const batches: Map<string, number>[] = [];
    const c = new Coalescer<string, number>(50, (b) => batches.push(b));
    c.add('k', 1);
    vi.advanceTimersByTime(50);
    c.add('k', 2);
    vi.advanceTimersByTime(49);
    expect(batches).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(batches.map((b) => b.get('k'))).toEqual([1, 2]);
  });

  it('sends nothing when cleared before the window ends', () => {
    const flush = vi.fn();
    const c = new Coalescer<string, number>(50, flush);
    c.add('k', 1);
    c.clear();
    vi.advanceTimersByTime(100);
    expect(flush).not.toHaveBeenCalled();
  });
});
