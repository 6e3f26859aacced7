import { describe, expect, it } from 'vitest';
import { deriveStagePhase, freightAvailability, buildPipelineGraph } from '../src/index.js';
import { FIXTURE_NOW, echoServerProject } from '../src/fixtures/index.js';

describe('echo-server fixture tells one consistent story', () => {
  const f = echoServerProject();
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

  it('shows development Ready, staging Promoting and production Failed', () => {
    expect(f.stages.map((s) => [s.metadata.name, deriveStagePhase(s)])).toEqual([
      ['development', 'Ready'],
      ['staging', 'Promoting'],
      ['production', 'Failed'],
    ]);
  });

  it('has freight soaked in staging available to production, and the newest approved for it', () => {
    const prod = stage('production');
    expect(freightAvailability(freight('lucky-jaguar'), prod, FIXTURE_NOW)).toMatchObject({
      available: true,
      via: 'verified-upstream',
    });
    expect(freightAvailability(freight('quiet-mole'), prod, FIXTURE_NOW)).toMatchObject({
      available: true,
      via: 'approved',
    });
    expect(freightAvailability(freight('quiet-mole'), stage('staging'), FIXTURE_NOW)).toMatchObject(
      {
        available: true,
        via: 'verified-upstream',
      },
    );
  });

  it('points every stage status at promotions and freight that exist', () => {
    const promotions = new Set(f.promotions.map((p) => p.metadata.name));
    const freightNames = new Set(f.freight.map((x) => x.metadata.name));
    for (const s of f.stages) {
      expect(promotions.has(s.status?.lastPromotion?.name ?? '')).toBe(true);
      for (const entry of s.status?.freightHistory ?? []) {
        for (const item of Object.values(entry.items ?? {})) {
          expect(freightNames.has(item.name ?? '')).toBe(true);
        }
      }
    }
    expect(promotions.has(stage('staging').status?.currentPromotion?.name ?? '')).toBe(true);
  });

  it('names promotions <stage>.<ulid>.<freight prefix> so name order is creation order', () => {
    for (const p of f.promotions) {
      expect(p.metadata.name).toMatch(
        new RegExp(`^${p.spec.stage}\\.[0-9a-z]{26}\\.${p.spec.freight?.slice(0, 7)}$`),
      );
    }
    const staging = f.promotions.filter((p) => p.spec.stage === 'staging');
    const byName = [...staging].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    expect(byName).toEqual(staging);
  });

  it('builds a problem-free graph', () => {
    expect(buildPipelineGraph(f).problems).toEqual([]);
  });
});
