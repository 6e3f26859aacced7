import { describe, expect, it } from 'vitest';
import type { EventPage, EventView, ProjectSummary } from '@wharf/shared/api';
import { mergeEvents } from './merge-events';
import { applyProjectsDelta } from './projects-state';

const event = (uid: string, reason: string, count = 1): EventView => ({
  name: uid,
  project: 'demo',
  uid,
  type: 'Normal',
  reason,
  message: reason,
  count,
  involvedObject: { kind: 'Promotion', name: 'p' },
});
const page = (items: EventView[]): EventPage => ({
  items,
  total: items.length,
  offset: 0,
  limit: 3,
  nextOffset: null,
  errors: [],
});

describe('mergeEvents', () => {
  it('puts new matching events first, replaces updated ones in place of the old, and keeps the page size', () => {
    const merged = mergeEvents(
      page([event('a', 'PromotionCreated'), event('b', 'FreightCreated')]),
      [event('c', 'PromotionSucceeded'), event('a', 'PromotionCreated', 2)],
      () => true,
    );
    expect(merged.items.map((e) => `${e.uid}${e.count}`)).toEqual(['c1', 'a2', 'b1']);
    expect(merged.total).toBe(3);
  });

  it('ignores events the page filter does not want', () => {
    const start = page([event('a', 'PromotionCreated')]);
    expect(
      mergeEvents(start, [event('b', 'FreightCreated')], (e) => e.reason.startsWith('Promotion')),
    ).toBe(start);
  });
});

describe('applyProjectsDelta', () => {
  const summary = (name: string): ProjectSummary => {
    const c = { count: 0, healthy: 0, unhealthy: 0, progressing: 0, unknown: 0 };
    return {
      name,
      uid: name,
      resourceVersion: '1',
      ready: true,
      stages: c,
      warehouses: c,
      pendingPromotions: 0,
    };
  };
  it('adds, replaces and removes projects when the delta follows the held version', () => {
    const next = applyProjectsDelta(
      { version: 'a', items: [summary('x'), summary('y')] },
      { version: 'b', previousVersion: 'a', upserts: [summary('z')], deletes: ['x'] },
    );
    expect(next?.items.map((p) => p.name).sort()).toEqual(['y', 'z']);
  });
  it('asks for a fresh join when a delta was missed', () => {
    expect(
      applyProjectsDelta(
        { version: 'a', items: [] },
        { version: 'c', previousVersion: 'b', upserts: [], deletes: [] },
      ),
    ).toBeUndefined();
  });
});
