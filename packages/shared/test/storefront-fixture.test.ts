import { describe, expect, it } from 'vitest';
import {
  buildPipelineGraph,
  deriveStagePhase,
  freightAvailability,
  pipelineRanks,
} from '../src/index.js';
import { FIXTURE_NOW, storefrontProject } from '../src/fixtures/index.js';

describe('storefront fixture (wide pipeline)', () => {
  const f = storefrontProject();
  const stage = (name: string) => {
    const s = f.stages.find((x) => x.metadata.name === name);
    if (!s) throw new Error(`no stage ${name}`);
    return s;
  };
  const freight = (alias: string) => {
    const x = f.freight.find((y) => y.alias === alias);
    if (!x) throw new Error(`no freight ${alias}`);
    return x;
  };

  it('covers Ready, Verifying, Failed and NoFreight stages', () => {
    expect(Object.fromEntries(f.stages.map((s) => [s.metadata.name, deriveStagePhase(s)]))).toEqual(
      {
        dev: 'Ready',
        qa: 'Verifying',
        uat: 'Ready',
        'prod-gate': 'Ready',
        'prod-eu-west': 'Ready',
        'prod-us-east': 'Failed',
        'prod-ap-south': 'NoFreight',
        'global-dns': 'NoFreight',
      },
    );
  });

  it('fans out from a control-flow gate to three regions, one edge per origin', () => {
    const g = buildPipelineGraph(f);
    expect(g.problems).toEqual([]);
    const gate = g.nodes.find((n) => n.id === 'stage:prod-gate');
    expect(gate?.type === 'stage' && gate.controlFlow).toBe(true);
    const out = g.edges.filter((e) => e.source === 'stage:prod-gate');
    expect(out).toHaveLength(9);
    const ranks = pipelineRanks(g);
    expect(ranks.get('stage:global-dns')).toBe((ranks.get('stage:prod-eu-west') ?? 0) + 1);
  });

  it('keeps web freight from global-dns until every region has verified it', () => {
    const result = freightAvailability(freight('proud-lynx'), stage('global-dns'), FIXTURE_NOW);
    expect(result).toMatchObject({
      available: false,
      reason: 'not-verified-upstream',
      missingUpstreams: ['prod-us-east', 'prod-ap-south'],
    });
  });

  it('has uat freight past the 2h soak for the gate, and qa freight not yet verified for uat', () => {
    expect(
      freightAvailability(freight('proud-lynx'), stage('prod-gate'), FIXTURE_NOW).available,
    ).toBe(true);
    expect(freightAvailability(freight('swift-koala'), stage('uat'), FIXTURE_NOW)).toMatchObject({
      reason: 'not-verified-upstream',
    });
  });

  it('gives every promotion only `uses` steps (tasks already expanded, as the webhook does)', () => {
    for (const p of f.promotions) {
      for (const step of p.spec.steps ?? []) {
        expect(step.uses).toBeTruthy();
        expect(step.task).toBeUndefined();
      }
    }
  });
});
