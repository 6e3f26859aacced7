import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { layoutGraph, type LayoutInput } from './layout';
import { fingerprint, rememberedLayout, rememberLayout } from './layout-memory';

/** The Storage API over a Map, as the browser's localStorage answers it. */
class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

const input: LayoutInput = {
  nodes: [
    { id: 'warehouse:w', width: 200, height: 80, column: 1 },
    { id: 'stage:test', width: 260, height: 120 },
    { id: 'stage:prod', width: 260, height: 120 },
  ],
  edges: [
    { source: 'warehouse:w', target: 'stage:test' },
    { source: 'stage:test', target: 'stage:prod' },
  ],
};
const CODE = 'https://wharf.example/assets/layout.worker-abc.js';

describe('layout memory', () => {
  beforeEach(() => vi.stubGlobal('localStorage', new MemoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('gives back the positions laid out for exactly the same input and layout code', () => {
    const positions = layoutGraph(input);
    rememberLayout('p', CODE, fingerprint(input), positions);
    expect(rememberedLayout('p', CODE, fingerprint(structuredClone(input)))).toEqual(positions);
  });

  it('forgets them when a node changes size, an edge moves, or the layout code is another build', () => {
    rememberLayout('p', CODE, fingerprint(input), layoutGraph(input));
    const taller = structuredClone(input);
    taller.nodes[1] = { id: 'stage:test', width: 260, height: 160 };
    const rewired = structuredClone(input);
    rewired.edges[1] = { source: 'warehouse:w', target: 'stage:prod' };
    expect(rememberedLayout('p', CODE, fingerprint(taller))).toBeUndefined();
    expect(rememberedLayout('p', CODE, fingerprint(rewired))).toBeUndefined();
    expect(rememberedLayout('p', `${CODE}?v2`, fingerprint(input))).toBeUndefined();
    expect(rememberedLayout('other', CODE, fingerprint(input))).toBeUndefined();
  });

  it('keeps the four projects laid out last and drops older ones', () => {
    vi.useFakeTimers();
    for (const p of ['a', 'b', 'c', 'd', 'e']) {
      vi.setSystemTime(new Date(Date.UTC(2026, 0, 1, 0, 0, 'abcde'.indexOf(p))));
      rememberLayout(p, CODE, fingerprint(input), layoutGraph(input));
    }
    vi.useRealTimers();
    const kept = ['a', 'b', 'c', 'd', 'e'].filter((p) =>
      rememberedLayout(p, CODE, fingerprint(input)),
    );
    expect(kept).toEqual(['b', 'c', 'd', 'e']);
  });

  it('lays out anew, without failing, when storage refuses to keep an entry', () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    vi.stubGlobal('localStorage', full);
    expect(() => rememberLayout('p', CODE, fingerprint(input), layoutGraph(input))).not.toThrow();
    expect(rememberedLayout('p', CODE, fingerprint(input))).toBeUndefined();
  });
});
