import { describe, expect, it } from 'vitest';
import { isForest, treeLayers } from './tree-layers';

const gap = { node: 20, rank: 80 };
const box = { width: 200, height: 100 };

/** A random DAG: node i takes from one or two earlier nodes (merges when two). */
function randomDag(count: number, merges: boolean, seed = 7) {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const edges: [number, number][] = [];
  for (let i = 1; i < count; i++) {
    edges.push([Math.floor(rand() * i), i]);
    if (merges && i > 2 && rand() < 0.2) edges.push([Math.floor(rand() * (i - 1)), i]);
  }
  return { nodes: Array.from({ length: count }, () => box), edges };
}

describe('treeLayers', () => {
  it.each([
    ['a tree', false],
    ['a graph where pipelines merge', true],
  ])('lays out %s with every edge pointing right and no two nodes overlapping', (_, merges) => {
    const { nodes, edges } = randomDag(400, merges);
    const shape = treeLayers(nodes, edges, gap);
    expect(shape).toBeDefined();
    const at = shape?.at ?? [];
    for (const [a, b] of edges) expect(at[b]?.x).toBeGreaterThan(at[a]?.x ?? Infinity);
    const seen = new Set(at.map((p) => `${p.x},${p.y}`));
    expect(seen.size).toBe(nodes.length);
    for (const p of at) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.x + box.width).toBeLessThanOrEqual(shape?.width ?? 0);
      expect(p.y + box.height).toBeLessThanOrEqual(shape?.height ?? 0);
    }
    // Nodes in one column are at least a node's height plus the gap apart.
    const byColumn = new Map<number, number[]>();
    for (const p of at) byColumn.set(p.x, [...(byColumn.get(p.x) ?? []), p.y]);
    for (const ys of byColumn.values()) {
      ys.sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++)
        expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeGreaterThanOrEqual(box.height + gap.node);
    }
  });

  it('gives up on a cycle (the caller lays it out with dagre) and tells trees from merges', () => {
    expect(
      treeLayers(
        [box, box],
        [
          [0, 1],
          [1, 0],
        ],
        gap,
      ),
    ).toBeUndefined();
    expect(
      isForest(3, [
        [0, 1],
        [0, 2],
      ]),
    ).toBe(true);
    expect(
      isForest(3, [
        [0, 2],
        [1, 2],
      ]),
    ).toBe(false);
  });
});
