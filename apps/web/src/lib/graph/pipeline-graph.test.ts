import { describe, expect, it } from 'vitest';
import { stageView, warehouseView } from '../testing/views';
import { buildPipelineGraph, downstreamOf, shapeKey } from './pipeline-graph';
import { layoutGraph } from './layout';

const warehouses = [warehouseView('app', ['ghcr.io/app', 'https://git/cfg']), warehouseView('db')];
const stages = [
  stageView('test', [
    { origin: 'app', direct: true },
    { origin: 'db', direct: true },
  ]),
  stageView('uat', [
    { origin: 'app', stages: ['test'] },
    { origin: 'db', stages: ['test'] },
  ]),
  stageView('prod', [{ origin: 'app', stages: ['uat'] }]),
];

describe('buildPipelineGraph', () => {
  it('draws subscriptions → warehouses → stages with one edge per origin', () => {
    const g = buildPipelineGraph(stages, warehouses);
    const edges = g.edges.map((e) => `${e.source}>${e.target}@${e.origin}`);
    expect(edges).toContain('subscription:app:0>warehouse:app@app');
    expect(edges).toContain('subscription:app:1>warehouse:app@app');
    expect(edges).toContain('warehouse:app>stage:test@app');
    expect(edges).toContain('warehouse:db>stage:test@db');
    expect(edges).toContain('stage:test>stage:uat@app');
    expect(edges).toContain('stage:test>stage:uat@db');
    expect(edges).toContain('stage:uat>stage:prod@app');
    expect(g.edges).toHaveLength(8);
  });

  it('keeps only what carries the chosen warehouse’s freight', () => {
    const g = buildPipelineGraph(stages, warehouses, { warehouse: 'db' });
    expect(g.nodes.filter((n) => n.kind === 'stage').map((n) => n.id)).toEqual([
      'stage:test',
      'stage:uat',
    ]);
    expect(g.edges.every((e) => e.origin === 'db')).toBe(true);
  });

  it('folds a collapsed stage’s downstream subtree into it and counts what is hidden', () => {
    const g = buildPipelineGraph(stages, warehouses, { collapsed: new Set(['test']) });
    const stageNodes = g.nodes.filter((n) => n.kind === 'stage');
    expect(stageNodes).toEqual([
      { id: 'stage:test', kind: 'stage', name: 'test', hidden: 2, hasDownstream: true },
    ]);
    expect(g.edges.some((e) => e.target === 'stage:uat')).toBe(false);
    expect([...downstreamOf('test', stages)].sort()).toEqual(['prod', 'uat']);
  });

  it('keeps the same shape key when only stage status changes, and a new one when a stage is added', () => {
    const before = shapeKey(buildPipelineGraph(stages, warehouses));
    const busy = stages.map((s) => ({ ...s, phase: 'Promoting' as const }));
    expect(shapeKey(buildPipelineGraph(busy, warehouses))).toBe(before);
    const more = [...stages, stageView('dr', [{ origin: 'app', stages: ['prod'] }])];
    expect(shapeKey(buildPipelineGraph(more, warehouses))).not.toBe(before);
  });

  it('lays the pipeline out left to right', () => {
    const g = buildPipelineGraph(stages, warehouses);
    const pos = layoutGraph({
      nodes: g.nodes.map((n) => ({ id: n.id, width: 200, height: 100 })),
      edges: g.edges,
    });
    const x = (id: string) => pos[id]?.x ?? Number.NaN;
    expect(x('subscription:app:0')).toBeLessThan(x('warehouse:app'));
    expect(x('warehouse:app')).toBeLessThan(x('stage:test'));
    expect(x('stage:test')).toBeLessThan(x('stage:uat'));
    expect(x('stage:uat')).toBeLessThan(x('stage:prod'));
  });

  it('stacks independent pipelines without overlapping nodes', () => {
    const many = Array.from({ length: 40 }, (_, i) => [
      stageView(`a-${i}`, [{ origin: i % 2 ? 'app' : 'db', direct: true }]),
      stageView(`b-${i}`, [{ origin: i % 2 ? 'app' : 'db', stages: [`a-${i}`] }]),
    ]).flat();
    const g = buildPipelineGraph(many, warehouses);
    const size = { width: 200, height: 100 };
    const pos = layoutGraph({
      nodes: g.nodes.map((n) => ({
        id: n.id,
        ...size,
        ...(n.kind === 'warehouse'
          ? { column: 1 as const }
          : n.kind === 'subscription'
            ? { column: 0 as const }
            : {}),
      })),
      edges: g.edges,
    });
    const boxes = Object.values(pos);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (!a || !b) continue;
        const overlap = Math.abs(a.x - b.x) < size.width && Math.abs(a.y - b.y) < size.height;
        expect(overlap).toBe(false);
      }
  });
});
