import { describe, expect, it } from 'vitest';
import { FREEZE_MESSAGE, FIXTURE_NOW, realStatusProject } from '../fixtures/index.js';
import type { Freight } from '../kargo/freight.js';
import type { Promotion } from '../kargo/promotion.js';
import { approvalRequestPatch, APPROVAL_REQUESTS_KEY } from './approval-request.js';
import { attentionOf, type AttentionInput } from './attention.js';

const MINUTE = 60_000;

function input(over: Partial<AttentionInput> = {}): AttentionInput {
  const fx = realStatusProject();
  return {
    project: 'guestbook',
    stages: fx.stages,
    warehouses: fx.warehouses,
    promotions: fx.promotions,
    freight: fx.freight,
    aliasOf: (name) => fx.freight.find((f) => f.metadata.name === name)?.alias,
    now: FIXTURE_NOW,
    slowPromotionMs: 365 * 24 * 60 * MINUTE,
    ...over,
  };
}

describe("attention over what Kargo v1.11's controllers write", () => {
  it('finds the failed promotion, the degraded stage, the failing warehouse and the hold, and nothing else', () => {
    const { items } = attentionOf(input());
    expect(items.map((i) => i.id)).toEqual([
      'promotion-failed:prod-west',
      'stage-unhealthy:prod-east',
      'warehouse-failing:charts',
      'auto-promotion-held:dev/guestbook',
    ]);
    const failed = items[0];
    expect(failed?.detail).toBe(FREEZE_MESSAGE);
    expect(failed?.step?.alias).toBeTruthy();
    expect(failed?.action).toEqual({
      type: 'retry-promotion',
      stage: 'prod-west',
      freight: failed?.freight,
    });
    expect(items.find((i) => i.kind === 'auto-promotion-held')?.action).toEqual({
      type: 'resume-auto-promotion',
      stage: 'dev',
      origin: 'guestbook',
    });
    expect(items.find((i) => i.kind === 'warehouse-failing')?.action).toEqual({
      type: 'refresh-warehouse',
      warehouse: 'charts',
    });
  });

  it('clears a failed promotion once the stage’s last promotion succeeds', () => {
    const fx = realStatusProject();
    const stages = fx.stages.map((s) =>
      s.metadata.name !== 'prod-west'
        ? s
        : {
            ...s,
            status: {
              ...s.status,
              lastPromotion: {
                name: 'prod-west.retry',
                status: { phase: 'Succeeded' },
              },
            },
          },
    );
    expect(attentionOf(input({ stages })).items.map((i) => i.id)).not.toContain(
      'promotion-failed:prod-west',
    );
  });

  it('reports a verification of the current freight that failed, with reverify as the help', () => {
    const fx = realStatusProject();
    const qa = fx.stages.find((s) => s.metadata.name === 'qa');
    const current = qa?.status?.freightHistory?.[0];
    if (!qa || !current) throw new Error('fixture changed: qa holds freight');
    const failing = {
      ...qa,
      status: {
        ...qa.status,
        freightHistory: [
          {
            ...current,
            verificationHistory: [
              { id: 'v2', phase: 'Failed', message: 'error-rate too high', finishTime: 'x' },
            ],
          },
        ],
      },
    };
    const { items } = attentionOf(
      input({ stages: fx.stages.map((s) => (s === qa ? failing : s)) }),
    );
    const item = items.find((i) => i.id === 'verification-failed:qa');
    expect(item?.detail).toBe('error-rate too high');
    expect(item?.action).toEqual({ type: 'reverify', stage: 'qa' });
  });
});

describe('promotions that run too long', () => {
  const running = (): Promotion => {
    const p = realStatusProject().promotions.find(
      (x) => x.spec.stage === 'perf' && x.status?.phase === 'Running',
    );
    if (!p?.status?.startedAt) throw new Error('fixture changed: perf has a running promotion');
    return p;
  };

  it('appear once the threshold passes, and say when to look again before that', () => {
    const p = running();
    const started = Date.parse(p.status?.startedAt ?? '');
    const before = attentionOf(
      input({ promotions: [p], now: started + 10 * MINUTE, slowPromotionMs: 30 * MINUTE }),
    );
    expect(before.items.filter((i) => i.kind === 'promotion-slow')).toEqual([]);
    expect(before.recheckAt).toBe(started + 30 * MINUTE);
    const after = attentionOf(
      input({ promotions: [p], now: started + 31 * MINUTE, slowPromotionMs: 30 * MINUTE }),
    );
    const slow = after.items.find((i) => i.kind === 'promotion-slow');
    expect(slow?.title).toBe('Promotion to perf has run for more than 30 min');
    expect(slow?.action).toEqual({ type: 'abort-promotion', promotion: p.metadata.name });
    expect(after.recheckAt).toBeUndefined();
  });
});

describe('approval requests', () => {
  const withRequest = (f: Freight, stage: string, status: Freight['status'] = {}): Freight => ({
    ...f,
    status: {
      ...status,
      metadata: approvalRequestPatch(stage, { actor: 'email:dev@example.com', requestedAt: 'T' })
        .status.metadata,
    },
  });

  it('wait until the freight is approved for the stage or the stage holds it', () => {
    const fx = realStatusProject();
    const f = fx.freight.find((x) => x.origin.name === 'guestbook');
    if (!f) throw new Error('fixture changed');
    const asked = withRequest(f, 'prod-west');
    const open = attentionOf(input({ freight: [asked] })).items.filter(
      (i) => i.kind === 'approval-requested',
    );
    expect(open).toEqual([
      expect.objectContaining({
        id: `approval-requested:${f.metadata.name}/prod-west`,
        actor: 'email:dev@example.com',
        action: { type: 'approve', stage: 'prod-west', freight: f.metadata.name },
      }),
    ]);
    const approved = withRequest(f, 'prod-west', { approvedFor: { 'prod-west': {} } });
    const held = withRequest(f, 'prod-west', { currentlyIn: { 'prod-west': {} } });
    const goneStage = withRequest(f, 'no-such-stage');
    for (const freight of [approved, held, goneStage])
      expect(
        attentionOf(input({ freight: [freight] })).items.filter(
          (i) => i.kind === 'approval-requested',
        ),
      ).toEqual([]);
  });

  it('ignore metadata that is not a request map', () => {
    const fx = realStatusProject();
    const f = fx.freight[0];
    if (!f) throw new Error('fixture changed');
    const odd = { ...f, status: { metadata: { [APPROVAL_REQUESTS_KEY]: ['prod'] } } };
    expect(
      attentionOf(input({ freight: [odd] })).items.filter((i) => i.kind === 'approval-requested'),
    ).toEqual([]);
  });
});
