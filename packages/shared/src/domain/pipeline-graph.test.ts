import { describe, expect, it } from 'vitest';
import { st, wh } from '../../test/graph-builders.js';
import { buildPipelineGraph, stageNodeId, warehouseNodeId } from './pipeline-graph.js';

describe('buildPipelineGraph', () => {
  it('links subscriptions to their warehouse with ids that do not depend on order', () => {
    const w = wh('app', { git: { repoURL: 'https://g/x' } }, { image: { repoURL: 'ghcr.io/x' } });
    const reordered = wh(
      'app',
      { image: { repoURL: 'ghcr.io/x' } },
      { git: { repoURL: 'https://g/x' } },
    );
    const ids = (g: ReturnType<typeof buildPipelineGraph>) =>
      g.nodes
        .filter((n) => n.type === 'subscription')
        .map((n) => n.id)
        .sort();
    const g = buildPipelineGraph({ warehouses: [w], stages: [] });
    expect(ids(g)).toEqual(ids(buildPipelineGraph({ warehouses: [reordered], stages: [] })));
    expect(g.edges.filter((e) => e.type === 'subscription').map((e) => e.target)).toEqual([
      warehouseNodeId('app'),
      warehouseNodeId('app'),
    ]);
  });

  it('gives two subscriptions to the same repository distinct ids', () => {
    const w = wh(
      'app',
      { git: { repoURL: 'https://g/x', branch: 'main' } },
      { git: { repoURL: 'https://g/x', branch: 'rel' } },
    );
    const subs = buildPipelineGraph({ warehouses: [w], stages: [] }).nodes.filter(
      (n) => n.type === 'subscription',
    );
    expect(new Set(subs.map((n) => n.id)).size).toBe(2);
  });

  it('labels chart subscriptions by repository and chart name, and generic ones by their name', () => {
    const w = wh(
      'w',
      { chart: { repoURL: 'oci://r', name: 'app' } },
      { subscription: { subscriptionType: 'release-notes', name: 'notes' } },
      { somethingNew: { x: 1 } },
    );
    const labels = buildPipelineGraph({ warehouses: [w], stages: [] }).nodes.flatMap((n) =>
      n.type === 'subscription' ? [[n.kind, n.label]] : [],
    );
    expect(labels).toEqual([
      ['chart', 'oci://r/app'],
      ['other', 'notes'],
      ['other', 'somethingNew'],
    ]);
  });

  it('draws warehouse → stage for direct sources and stage → stage per upstream and origin', () => {
    const g = buildPipelineGraph({
      warehouses: [wh('app'), wh('cfg')],
      stages: [
        st('dev', [
          ['app', { direct: true }],
          ['cfg', { direct: true }],
        ]),
        st('prod', [
          ['app', { stages: ['dev'] }],
          ['cfg', { stages: ['dev'] }],
        ]),
      ],
    });
    const summary = g.edges
      .filter((e) => e.type !== 'subscription')
      .map((e) => `${e.type} ${e.source} ${e.target} ${e.origin}`);
    expect(summary).toEqual([
      'direct warehouse:app stage:dev app',
      'direct warehouse:cfg stage:dev cfg',
      'upstream stage:dev stage:prod app',
      'upstream stage:dev stage:prod cfg',
    ]);
    expect(g.problems).toEqual([]);
  });

  it('flags stages without promotion steps as control-flow stages', () => {
    const g = buildPipelineGraph({
      warehouses: [wh('app')],
      stages: [
        st('gate', [['app', { direct: true }]], false),
        st('dev', [['app', { stages: ['gate'] }]]),
      ],
    });
    const flags = g.nodes.flatMap((n) => (n.type === 'stage' ? [[n.name, n.controlFlow]] : []));
    expect(flags).toEqual([
      ['gate', true],
      ['dev', false],
    ]);
  });

  it('reports unknown warehouses and upstream stages without drawing dangling edges', () => {
    const g = buildPipelineGraph({
      warehouses: [wh('app')],
      stages: [
        st('dev', [
          ['ghost', { direct: true }],
          ['app', { stages: ['nowhere'] }],
        ]),
      ],
    });
    expect(g.problems.map((p) => p.type)).toEqual(['unknown-warehouse', 'unknown-upstream']);
    expect(g.problems[0]?.message).toContain('"ghost"');
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(g.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it('reports an upstream stage that never receives the origin it is asked to pass on', () => {
    const g = buildPipelineGraph({
      warehouses: [wh('app'), wh('cfg')],
      stages: [st('dev', [['app', { direct: true }]]), st('prod', [['cfg', { stages: ['dev'] }]])],
    });
    expect(g.problems).toEqual([
      expect.objectContaining({ type: 'upstream-lacks-origin', upstream: 'dev', origin: 'cfg' }),
    ]);
  });

  it('reports each cycle once with the stages involved, and still returns every node', () => {
    const g = buildPipelineGraph({
      warehouses: [wh('app')],
      stages: [
        st('a', [['app', { direct: true, stages: ['c'] }]]),
        st('b', [['app', { stages: ['a'] }]]),
        st('c', [['app', { stages: ['b'] }]]),
        st('self', [['app', { stages: ['self'] }]]),
        st('ok', [['app', { stages: ['a'] }]]),
      ],
    });
    const cycles = g.problems.filter((p) => p.type === 'cycle').map((p) => p.stages);
    expect(cycles).toHaveLength(2);
    expect(cycles).toContainEqual(['a', 'b', 'c']);
    expect(cycles).toContainEqual(['self']);
    expect(g.nodes.filter((n) => n.type === 'stage')).toHaveLength(5);
    expect(
      g.edges.some((e) => e.source === stageNodeId('self') && e.target === stageNodeId('self')),
    ).toBe(true);
  });

  it('keeps one edge when a stage lists the same upstream twice for one origin', () => {
    const g = buildPipelineGraph({
      warehouses: [wh('app')],
      stages: [
        st('dev', [['app', { direct: true }]]),
        st('qa', [['app', { stages: ['dev', 'dev'] }]]),
      ],
    });
    expect(g.edges.filter((e) => e.type === 'upstream')).toHaveLength(1);
  });
});
