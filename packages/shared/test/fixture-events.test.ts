import { describe, expect, it } from 'vitest';
import { EVENT_ANNOTATIONS, KARGO_EVENT_REASONS } from '../src/index.js';
import { echoServerProject } from '../src/fixtures/index.js';

describe('fixture events', () => {
  const f = echoServerProject();
  const events = f.events ?? [];

  it('uses only reasons Kargo emits', () => {
    const known = new Set<string>(KARGO_EVENT_REASONS);
    expect(events.filter((e) => !known.has(e.reason ?? ''))).toEqual([]);
  });

  it('records creation of every promotion and the outcome of every finished one', () => {
    for (const p of f.promotions) {
      const about = events.filter((e) => e.involvedObject.name === p.metadata.name);
      const reasons = about.map((e) => e.reason);
      expect(reasons[0]).toBe('PromotionCreated');
      const phase = p.status?.phase;
      if (phase === 'Running' || phase === 'Pending') expect(reasons).toHaveLength(1);
      else expect(reasons).toEqual(['PromotionCreated', `Promotion${phase}`]);
      expect(about[0]?.metadata.annotations?.[EVENT_ANNOTATIONS.stageName]).toBe(p.spec.stage);
    }
  });

  it('records each freight creation and approval with its alias', () => {
    const created = events.filter((e) => e.reason === 'FreightCreated');
    expect(created).toHaveLength(f.freight.length);
    const approved = events.filter((e) => e.reason === 'FreightApproved');
    expect(approved.map((e) => e.metadata.annotations?.[EVENT_ANNOTATIONS.freightAlias])).toEqual([
      'quiet-mole',
    ]);
  });

  it('is ordered oldest first', () => {
    const times = events.map((e) => e.firstTimestamp ?? '');
    expect([...times].sort()).toEqual(times);
  });
});
