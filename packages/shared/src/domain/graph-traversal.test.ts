import { describe, expect, it } from 'vitest';
import {
  downstreamStages,
  promotableDownstreamStages,
  reachableFrom,
  subtreeStageNames,
} from './graph-traversal.js';
import { st, wh } from '../../test/graph-builders.js';
import { buildPipelineGraph } from './pipeline-graph.js';

const stages = [
  st('dev', [['app', { direct: true }]]),
  st('gate', [['app', { stages: ['dev'] }]], false),
  st('eu', [['app', { stages: ['gate'] }]]),
  st('us', [['app', { stages: ['gate'] }]]),
  st('qa', [['app', { stages: ['dev'] }]]),
  st('other', [['app', { direct: true }]]),
];

describe('downstream helpers', () => {
  it('finds the stages that take freight from a stage', () => {
    expect(downstreamStages(stages, 'dev').map((s) => s.metadata.name)).toEqual(['gate', 'qa']);
  });

  it('leaves control-flow stages out of promote-downstream targets', () => {
    expect(promotableDownstreamStages(stages, 'dev').map((s) => s.metadata.name)).toEqual(['qa']);
  });
});

describe('subtree helpers', () => {
  const graph = buildPipelineGraph({ warehouses: [wh('app')], stages });

  it('collects every stage below a stage, through control-flow stages', () => {
    expect(subtreeStageNames(graph, 'stage:dev').sort()).toEqual(['eu', 'gate', 'qa', 'us']);
  });

  it('collects the whole pipeline below a warehouse', () => {
    expect(subtreeStageNames(graph, 'warehouse:app')).toHaveLength(6);
  });

  it('stops on cycles', () => {
    const cyclic = buildPipelineGraph({
      warehouses: [wh('app')],
      stages: [
        st('a', [['app', { direct: true, stages: ['b'] }]]),
        st('b', [['app', { stages: ['a'] }]]),
      ],
    });
    expect([...reachableFrom(cyclic, 'stage:a')].sort()).toEqual(['stage:a', 'stage:b']);
  });
});
