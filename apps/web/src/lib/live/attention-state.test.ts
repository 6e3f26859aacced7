import { describe, expect, it } from 'vitest';
import type { AttentionItem } from '@wharf/shared';
import type { AttentionSnapshot, EventView } from '@wharf/shared/api';
import { ACTIVITY_KEPT, applyActivityDelta, applyAttentionDelta } from './attention-state';

const item = (project: string, id: string, kind: AttentionItem['kind']): AttentionItem => ({
  id,
  project,
  kind,
  severity: kind === 'auto-promotion-held' ? 'warning' : 'error',
  title: id,
});
const event = (uid: string, time: string, count = 1): EventView => ({
  name: uid,
  project: 'a',
  uid,
  type: 'Normal',
  reason: 'PromotionSucceeded',
  message: uid,
  time,
  count,
  involvedObject: { kind: 'Promotion', name: uid },
});
const snapshot = (items: AttentionItem[], activity: EventView[] = []): AttentionSnapshot => ({
  items,
  activity,
  projects: ['a', 'b'],
  slowPromotionMinutes: 30,
  errors: [],
});

describe('applyAttentionDelta', () => {
  it("replaces only the delta's project, keeping the most urgent kind first", () => {
    const s = snapshot([
      item('a', 'auto-promotion-held:x', 'auto-promotion-held'),
      item('b', 'stage-unhealthy:y', 'stage-unhealthy'),
    ]);
    const next = applyAttentionDelta(s, {
      project: 'a',
      items: [item('a', 'promotion-failed:z', 'promotion-failed')],
    });
    expect(next.items.map((i) => `${i.project}/${i.id}`)).toEqual([
      'a/promotion-failed:z',
      'b/stage-unhealthy:y',
    ]);
    expect(applyAttentionDelta(next, { project: 'b', items: [] }).items).toHaveLength(1);
  });
});

describe('applyActivityDelta', () => {
  it('puts new events first, replaces updated ones by uid, and keeps a bounded feed', () => {
    const old = Array.from({ length: ACTIVITY_KEPT }, (_, i) =>
      event(`e${i}`, `2026-01-01T00:00:${String(59 - i).padStart(2, '0')}Z`),
    );
    const next = applyActivityDelta(snapshot([], old), {
      project: 'a',
      events: [event('new', '2026-02-01T00:00:00Z'), event('e3', '2026-01-01T00:00:56Z', 4)],
    });
    expect(next.activity).toHaveLength(ACTIVITY_KEPT);
    expect(next.activity[0]?.uid).toBe('new');
    expect(next.activity.filter((e) => e.uid === 'e3')).toEqual([
      expect.objectContaining({ count: 4 }),
    ]);
  });
});
