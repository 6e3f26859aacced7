import { describe, expect, it } from 'vitest';
import { layoutGraph, type LayoutInput } from './layout';

const node = (id: string, width = 200, height = 100) => ({ id, width, height });
const chain = (p: string, roles: string[]) => ({
  nodes: roles.map((r) => node(`${r}-${p}`)),
  edges: roles.slice(1).map((r, i) => ({ source: `${roles[i]}-${p}`, target: `${r}-${p}` })),
});

describe('layoutGraph', () => {
  const a = chain('a', ['test', 'uat', 'prod']);
  const b = chain('b', ['test', 'uat', 'prod']);
  const c = chain('c', ['dev', 'prod']);
  const fanOut: LayoutInput = {
    nodes: [node('x'), node('y'), node('z')],
    edges: [
      { source: 'x', target: 'y' },
      { source: 'x', target: 'z' },
    ],
  };
  const input: LayoutInput = {
    nodes: [...a.nodes, ...b.nodes, ...c.nodes, ...fanOut.nodes],
    edges: [...a.edges, ...b.edges, ...c.edges, ...fanOut.edges],
  };
  const out = layoutGraph(input);
  const at = (id: string) => out[id] ?? { x: NaN, y: NaN };

  it('places pipelines of the same shape identically, one below the other', () => {
    const offset = at('test-b').y - at('test-a').y;
    expect(offset).toBeGreaterThan(0);
    for (const r of ['test', 'uat', 'prod']) {
      expect(at(`${r}-b`).x).toBe(at(`${r}-a`).x);
      expect(at(`${r}-b`).y - at(`${r}-a`).y).toBe(offset);
    }
  });

  it('lays out each differently shaped pipeline on its own, left to right and without overlaps', () => {
    expect(at('prod-c').x).toBeGreaterThan(at('dev-c').x);
    expect(at('y').x).toBeGreaterThan(at('x').x);
    expect(at('z').y).not.toBe(at('y').y);
    const boxes = input.nodes.map((n) => ({ ...at(n.id), w: n.width, h: n.height }));
    for (const [i, p] of boxes.entries())
      for (const q of boxes.slice(i + 1))
        expect(p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y).toBe(
          true,
        );
  });
});
