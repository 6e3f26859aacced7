import type { Freight, Promotion, ProjectConfig } from '@wharf/shared';
import { describe, expect, it } from 'vitest';
import { actorFor } from '../src/admission/actor.js';
import { generateAlias } from '../src/freight/alias.js';
import { staleFreight, stalePromotions } from '../src/gc/garbage-collector.js';
import { formatDuration, parseDuration } from '../src/kube/clock.js';
import { buildPromotionSteps, StepBuildError } from '../src/promotion/build-steps.js';
import { promotionName } from '../src/promotion/promotion-name.js';
import { autoPromotionEnabled } from '../src/stage/policy.js';
import { keyPath } from '../src/steps/yaml-update.js';

const origin = { kind: 'Warehouse' as const, name: 'app' };

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

describe('garbage collection', () => {
  it('keeps the newest N finished Promotions per Stage and never deletes running ones', () => {
    const promos = Array.from({ length: 25 }, (_, i) => ({
      metadata: { name: `s.${String(i).padStart(3, '0')}` },
      spec: { stage: 's' },
      status: { phase: i === 0 ? 'Running' : 'Succeeded' },
    })) as Promotion[];
    const stale = stalePromotions(promos, 20).map((p) => p.metadata.name);
    expect(stale).toEqual(['s.004', 's.003', 's.002', 's.001']);
  });

  it('keeps the newest N Freight per Warehouse and never deletes Freight a Stage holds', () => {
    const freight = Array.from({ length: 23 }, (_, i) => ({
      metadata: { name: `f${i}` },
      origin,
      discoveredAt: new Date(1_000_000 + i * 1000).toISOString(),
      status: i === 0 ? { currentlyIn: { prod: {} } } : {},
    })) as Freight[];
    expect(
      staleFreight(freight, 20)
        .map((f) => f.metadata.name)
        .sort(),
    ).toEqual(['f1', 'f2']);
  });
});
