import { describe, expect, it } from 'vitest';
import { buildPipelineGraph, deriveStagePhase, pipelineRanks } from '../src/index.js';
import { generateLargeProject } from '../src/fixtures/index.js';

describe('generateLargeProject', () => {
  const big = generateLargeProject({ stages: 600, freight: 3000, warehouses: 6, seed: 7 });

  it('makes exactly the requested numbers of stages, freight and warehouses', () => {
    expect(big.stages).toHaveLength(600);
    expect(big.freight).toHaveLength(3000);
    expect(big.warehouses).toHaveLength(6);
    expect(new Set(big.freight.map((f) => f.metadata.name)).size).toBe(3000);
    expect(new Set(big.freight.map((f) => f.alias)).size).toBe(3000);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const small = (seed: number) =>
      generateLargeProject({ stages: 60, freight: 100, warehouses: 3, seed });
    expect(JSON.stringify(small(3))).toBe(JSON.stringify(small(3)));
    expect(JSON.stringify(small(3))).not.toBe(JSON.stringify(small(4)));
  });

  it('forms a valid pipeline: no dangling references, no cycles, some control-flow stages', () => {
    const graph = buildPipelineGraph(big);
    expect(graph.problems).toEqual([]);
    expect(graph.nodes.filter((n) => n.type === 'stage' && n.controlFlow).length).toBe(24);
    const ranks = pipelineRanks(graph);
    expect(Math.max(...ranks.values())).toBeGreaterThan(5);
  });

  it('mixes stage phases the way a busy project looks', () => {
    const phases = new Set(big.stages.map((s) => deriveStagePhase(s)));
    expect([...phases].sort()).toEqual(['Failed', 'NoFreight', 'Promoting', 'Ready']);
  });

  it('keeps freight status in step with the stages holding it', () => {
    for (const s of big.stages) {
      const held = s.status?.freightHistory?.[0]?.items ?? {};
      for (const ref of Object.values(held)) {
        const f = big.freight.find((x) => x.metadata.name === ref.name);
        expect(f?.status?.currentlyIn?.[s.metadata.name]).toBeDefined();
      }
    }
  });
});
