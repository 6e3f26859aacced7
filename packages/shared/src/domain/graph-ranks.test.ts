import { describe, expect, it } from 'vitest';
import { pipelineLayers, pipelineRanks } from './graph-ranks.js';
import { st, wh } from '../../test/graph-builders.js';
import { buildPipelineGraph } from './pipeline-graph.js';

describe('pipelineRanks', () => {
  it('ranks subscription 0, warehouse 1, and stages by their longest path', () => {
    const g = buildPipelineGraph({
      warehouses: [wh('app')],
      stages: [
        st('dev', [['app', { direct: true }]]),
        st('qa', [['app', { stages: ['dev'] }]]),
        // prod hangs off dev and qa: longest path wins, so it sits after qa.
        st('prod', [['app', { stages: ['dev', 'qa'] }]]),
      ],
    });
    const ranks = pipelineRanks(g);
    expect(ranks.get('warehouse:app')).toBe(1);
    expect([ranks.get('stage:dev'), ranks.get('stage:qa'), ranks.get('stage:prod')]).toEqual([
      2, 3, 4,
    ]);
    expect(pipelineLayers(g)[0]).toEqual(
      g.nodes.filter((n) => n.type === 'subscription').map((n) => n.id),
    );
  });

  it('terminates on cycles and gives the stages of a cycle one shared rank', () => {
    const g = buildPipelineGraph({
      warehouses: [wh('app')],
      stages: [
        st('a', [['app', { direct: true, stages: ['b'] }]]),
        st('b', [['app', { stages: ['a'] }]]),
        st('after', [['app', { stages: ['b'] }]]),
      ],
    });
    const ranks = pipelineRanks(g);
    expect(ranks.get('stage:a')).toBe(ranks.get('stage:b'));
    expect(ranks.get('stage:after')).toBe((ranks.get('stage:b') ?? 0) + 1);
  });

  it('ranks a deep chain of 600 stages without recursion limits', () => {
    const stages = Array.from({ length: 600 }, (_, i) =>
      st(`s${i}`, [['app', i === 0 ? { direct: true } : { stages: [`s${i - 1}`] }]]),
    );
    const ranks = pipelineRanks(buildPipelineGraph({ warehouses: [wh('app')], stages }));
    expect(ranks.get('stage:s599')).toBe(601);
  });
});
