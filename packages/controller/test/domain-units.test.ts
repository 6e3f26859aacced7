import type { Freight, Promotion, ProjectConfig, Stage, Warehouse } from '@wharf/shared';
import { describe, expect, it } from 'vitest';
import { actorFor } from '../src/admission/actor.js';
import { generateAlias } from '../src/freight/alias.js';
import { DEFAULT_GC, staleFreight, stalePromotions } from '../src/gc/garbage-collector.js';
import { formatDuration, parseDuration } from '../src/kube/clock.js';
import { buildPromotionSteps, StepBuildError } from '../src/promotion/build-steps.js';
import { promotionName } from '../src/promotion/promotion-name.js';
import { autoPromotionEnabled } from '../src/stage/policy.js';
import { keyPath } from '../src/steps/yaml-update.js';

describe('Freight aliases', () => {
  it('aliases are adjective-animal and never collide with taken ones', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 200; i++) taken.add(generateAlias(taken));
    expect(taken.size).toBe(200);
    for (const a of taken) expect(a).toMatch(/^[a-z]+-[a-z]+(-\d+)?$/);
  });
});

describe('Promotion building', () => {
  it('names Promotions <stage>.<lower ulid>.<freight7> so names sort by creation time', () => {
    const n1 = promotionName('prod', 'abcdef0123456789', 1_000);
    const n2 = promotionName('prod', 'abcdef0123456789', 2_000);
    expect(n1).toMatch(/^prod\.[0-9a-z]{26}\.abcdef0$/);
    expect(n1 < n2).toBe(true);
  });

  it('expands PromotionTasks into <taskAlias>::<stepAlias> steps with task vars, defaulting aliases to step-N', async () => {
    const steps = await buildPromotionSteps(
      [
        { uses: 'git-clone' },
        { task: { name: 'update' }, as: 'upd', vars: [{ name: 'repo', value: 'r' }] },
      ],
      async () => ({
        spec: {
          vars: [{ name: 'repo' }, { name: 'branch', value: 'main' }],
          steps: [{ uses: 'yaml-update' }, { uses: 'git-push', as: 'push' }],
        },
      }),
    );
    expect(steps.map((s) => s.as)).toEqual(['step-0', 'upd::step-0', 'upd::push']);
    expect(steps[1]?.vars).toEqual([
      { name: 'repo', value: 'r' },
      { name: 'branch', value: 'main' },
    ]);
  });

  it('refuses a task whose required var is not given', async () => {
    await expect(
      buildPromotionSteps([{ task: { name: 't' } }], async () => ({
        spec: { vars: [{ name: 'repo' }], steps: [{ uses: 'x' }] },
      })),
    ).rejects.toThrow(StepBuildError);
  });
});

describe('policies, actors and durations', () => {
  it('the first ProjectConfig policy whose selector matches decides auto-promotion', () => {
    const cfg = {
      metadata: { name: 'p' },
      spec: {
        promotionPolicies: [
          { stageSelector: { name: 'glob:prod-*' }, autoPromotionEnabled: false },
          { stageSelector: { name: 'regex:^prod' }, autoPromotionEnabled: true },
          { stage: 'dev', autoPromotionEnabled: true },
        ],
      },
    } as ProjectConfig;
    expect(autoPromotionEnabled({ metadata: { name: 'prod-eu' } }, cfg)).toBe(false);
    expect(autoPromotionEnabled({ metadata: { name: 'production' } }, cfg)).toBe(true);
    expect(autoPromotionEnabled({ metadata: { name: 'dev' } }, cfg)).toBe(true);
    expect(autoPromotionEnabled({ metadata: { name: 'qa' } }, cfg)).toBe(false);
  });

  it("records kubernetes:<username> for ordinary callers and keeps a control-plane caller's claim", () => {
    expect(
      actorFor(
        { username: 'system:serviceaccount:p:kargo-promoter', groups: ['system:serviceaccounts'] },
        'admin',
      ),
    ).toBe('kubernetes:system:serviceaccount:p:kargo-promoter');
    expect(actorFor({ username: 'wharf', groups: ['system:masters'] }, 'email:a@x.io')).toBe(
      'email:a@x.io',
    );
  });

  it('parses and formats Go durations', () => {
    expect(parseDuration('1h30m', 0)).toBe(5_400_000);
    expect(parseDuration('5m0s', 0)).toBe(300_000);
    expect(parseDuration('bogus', 7)).toBe(7);
    expect(formatDuration(3_723_000)).toBe('1h2m3s');
    expect(keyPath('spec.template.containers[0].image')).toEqual([
      'spec',
      'template',
      'containers',
      0,
      'image',
    ]);
  });
});

describe("garbage collection, as Kargo's collector counts", () => {
  const DAY = 86_400_000;
  const NOW = Date.parse('2026-06-01T00:00:00Z');
  const ago = (ms: number) => new Date(NOW - ms).toISOString();
  const promos = (n: number, step: number, running?: number) =>
    Array.from({ length: n }, (_, i) => ({
      metadata: { name: `s.${String(n - i).padStart(3, '0')}`, creationTimestamp: ago(i * step) },
      spec: { stage: 's' },
      status: { phase: i === running ? 'Running' : 'Succeeded' },
    })) as Promotion[];
  const names = (list: { metadata: { name: string } }[]) => list.map((x) => x.metadata.name).sort();

  it('deletes finished Promotions beyond the newest 20 once they are older than two weeks', () => {
    expect(names(stalePromotions(promos(25, DAY), DEFAULT_GC, NOW))).toEqual([
      's.001',
      's.002',
      's.003',
      's.004',
      's.005',
    ]);
  });

  it('spares 20 Promotions older than the oldest one still running, and every recent one', () => {
    expect(stalePromotions(promos(25, DAY, 22), DEFAULT_GC, NOW)).toEqual([]);
    expect(stalePromotions(promos(300, 60_000), DEFAULT_GC, NOW)).toEqual([]);
  });

  const wh = { metadata: { name: 'w' }, spec: { subscriptions: [] } } as Warehouse;
  const freight = (n: number, step: number, o = { kind: 'Warehouse' as const, name: 'w' }) =>
    Array.from({ length: n }, (_, i) => ({
      metadata: { name: `f${i}` },
      origin: o,
      discoveredAt: ago(i * step),
    })) as Freight[];
  const holding = (f: string) =>
    ({
      metadata: { name: 'prod' },
      spec: { requestedFreight: [] },
      status: { freightHistory: [{ id: 'c', items: { 'Warehouse/w': { name: f } } }] },
    }) as Stage;

  it('deletes Freight beyond the newest 20 of each Warehouse once older than two weeks', () => {
    expect(names(staleFreight([wh], freight(23, DAY), [], DEFAULT_GC, NOW))).toEqual([
      'f20',
      'f21',
      'f22',
    ]);
  });

  it('spares 20 Freight older than the oldest a Stage holds, every recent one, and orphans', () => {
    expect(staleFreight([wh], freight(23, DAY), [holding('f22')], DEFAULT_GC, NOW)).toEqual([]);
    // 3,000 Freight created a minute apart with kubectl: all of them stay.
    expect(staleFreight([wh], freight(3000, 60_000), [], DEFAULT_GC, NOW)).toEqual([]);
    // Kargo collects per Warehouse: Freight whose Warehouse is gone stays.
    const other = { kind: 'Warehouse' as const, name: 'gone' };
    expect(staleFreight([wh], freight(23, DAY, other), [], DEFAULT_GC, NOW)).toEqual([]);
  });
});
