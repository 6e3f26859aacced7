import { describe, expect, it } from 'vitest';
import type { Freight } from '../kargo/freight.js';
import type { FreightSources, Stage } from '../kargo/stage.js';
import { freightAvailability } from './freight-availability.js';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const minutesAgo = (m: number) => new Date(NOW - m * 60_000).toISOString();

function stage(name: string, sources: FreightSources, warehouse = 'wh'): Stage {
  return {
    metadata: { name },
    spec: { requestedFreight: [{ origin: { kind: 'Warehouse', name: warehouse }, sources }] },
  };
}

function freight(status: Freight['status'] = {}, warehouse = 'wh'): Freight {
  return { metadata: { name: 'f1' }, origin: { kind: 'Warehouse', name: warehouse }, status };
}

describe('freightAvailability', () => {
  it('refuses freight whose origin the stage does not request, naming both', () => {
    const result = freightAvailability(freight({}, 'other'), stage('dev', { direct: true }), NOW);
    expect(result).toMatchObject({ available: false, reason: 'origin-not-requested' });
    expect(!result.available && result.message).toContain('"other"');
  });

  it('refuses freight of an unrequested origin even when approved for the stage', () => {
    const f = freight({ approvedFor: { dev: { approvedAt: minutesAgo(1) } } }, 'other');
    expect(freightAvailability(f, stage('dev', { direct: true }), NOW).available).toBe(false);
  });

  it('accepts approved freight before looking at sources', () => {
    const f = freight({ approvedFor: { prod: { approvedAt: minutesAgo(1) } } });
    expect(freightAvailability(f, stage('prod', { stages: ['uat'] }), NOW)).toEqual({
      available: true,
      via: 'approved',
    });
  });

  it('does not count an approval for a different stage', () => {
    const f = freight({ approvedFor: { uat: {} } });
    expect(freightAvailability(f, stage('prod', { stages: ['uat'] }), NOW).available).toBe(false);
  });

  it('accepts any freight of the origin when the stage takes it directly', () => {
    expect(freightAvailability(freight(), stage('dev', { direct: true }), NOW)).toEqual({
      available: true,
      via: 'direct',
    });
  });

  it('explains that only an approval helps when there are no sources', () => {
    const result = freightAvailability(freight(), stage('dev', {}), NOW);
    expect(result).toMatchObject({ available: false, reason: 'no-sources' });
  });

  describe('OneOf (and the empty strategy)', () => {
    const s = stage('prod', { stages: ['eu', 'us'] });

    it('accepts freight verified in one upstream, saying which', () => {
      const f = freight({ verifiedIn: { us: { verifiedAt: minutesAgo(5) } } });
      expect(freightAvailability(f, s, NOW)).toEqual({
        available: true,
        via: 'verified-upstream',
        upstream: 'us',
      });
    });

    it('treats "" exactly like OneOf', () => {
      const f = freight({ verifiedIn: { us: {} } });
      const empty = stage('prod', { stages: ['eu', 'us'], availabilityStrategy: '' });
      expect(freightAvailability(f, empty, NOW).available).toBe(true);
    });

    it('lists every upstream still missing when verified in none', () => {
      const result = freightAvailability(freight(), s, NOW);
      expect(result).toMatchObject({
        available: false,
        reason: 'not-verified-upstream',
        missingUpstreams: ['eu', 'us'],
      });
      expect(!result.available && result.message).toMatch(/any of "eu", "us"/);
    });

    it('does not count being merely present (not verified) upstream', () => {
      const f = freight({ currentlyIn: { eu: { since: minutesAgo(500) } } });
      expect(freightAvailability(f, s, NOW)).toMatchObject({ reason: 'not-verified-upstream' });
    });
  });

  describe('All', () => {
    const s = stage('prod', { stages: ['eu', 'us'], availabilityStrategy: 'All' });

    it('refuses freight verified in only some upstreams and names the missing ones', () => {
      const f = freight({ verifiedIn: { eu: {} } });
      expect(freightAvailability(f, s, NOW)).toMatchObject({
        available: false,
        reason: 'not-verified-upstream',
        missingUpstreams: ['us'],
      });
    });

    it('accepts freight verified in every upstream', () => {
      const f = freight({ verifiedIn: { eu: {}, us: {} } });
      expect(freightAvailability(f, s, NOW)).toMatchObject({ available: true });
    });
  });

  describe('requiredSoakTime', () => {
    const oneOf = stage('prod', { stages: ['eu', 'us'], requiredSoakTime: '1h' });
    const all = stage('prod', {
      stages: ['eu', 'us'],
      requiredSoakTime: '1h',
      availabilityStrategy: 'All',
    });

    it('counts soak from when the freight entered the upstream, not from verification', () => {
      const f = freight({
        currentlyIn: { eu: { since: minutesAgo(90) } },
        verifiedIn: { eu: { verifiedAt: minutesAgo(10) } },
      });
      expect(freightAvailability(f, oneOf, NOW)).toMatchObject({ available: true });
    });

    it('reports the remaining soak while the freight is still upstream', () => {
      const f = freight({
        currentlyIn: { eu: { since: minutesAgo(40) } },
        verifiedIn: { eu: { verifiedAt: minutesAgo(35) } },
      });
      const result = freightAvailability(f, oneOf, NOW);
      expect(result).toMatchObject({ available: false, reason: 'soaking' });
      expect(!result.available && result.soakRemainingMs).toBe(20 * 60_000);
      expect(!result.available && result.message).toContain('20m');
    });

    it('with OneOf, waits only for the upstream closest to done', () => {
      const f = freight({
        currentlyIn: { eu: { since: minutesAgo(10) }, us: { since: minutesAgo(50) } },
        verifiedIn: { eu: {}, us: {} },
      });
      const result = freightAvailability(f, oneOf, NOW);
      expect(!result.available && result.soakRemainingMs).toBe(10 * 60_000);
    });

    it('with All, waits for the upstream furthest from done', () => {
      const f = freight({
        currentlyIn: { eu: { since: minutesAgo(10) }, us: { since: minutesAgo(50) } },
        verifiedIn: { eu: {}, us: {} },
      });
      const result = freightAvailability(f, all, NOW);
      expect(!result.available && result.soakRemainingMs).toBe(50 * 60_000);
    });

    it('counts a completed earlier stay (longestSoak) after the freight left upstream', () => {
      const f = freight({
        verifiedIn: { eu: { verifiedAt: minutesAgo(300), longestSoak: '1h5m' } },
      });
      expect(freightAvailability(f, oneOf, NOW)).toMatchObject({ available: true });
    });

    it('says the soak stalled when the freight left upstream too early', () => {
      const f = freight({ verifiedIn: { eu: { longestSoak: '30m' } } });
      const result = freightAvailability(f, oneOf, NOW);
      expect(result).toMatchObject({ available: false, reason: 'soak-not-met' });
      expect(result).not.toHaveProperty('soakRemainingMs');
    });

    it('lets an approval or a direct source skip the soak', () => {
      const f = freight({ approvedFor: { prod: {} } });
      expect(freightAvailability(f, oneOf, NOW).available).toBe(true);
    });

    it('refuses with a clear message when the soak time is not a duration', () => {
      const bad = stage('prod', { stages: ['eu'], requiredSoakTime: 'one hour' });
      const f = freight({ verifiedIn: { eu: {} } });
      expect(freightAvailability(f, bad, NOW)).toMatchObject({ reason: 'invalid-soak-time' });
    });

    it('accepts a Date for now as well as epoch ms', () => {
      const f = freight({ currentlyIn: { eu: { since: minutesAgo(61) } }, verifiedIn: { eu: {} } });
      expect(freightAvailability(f, oneOf, new Date(NOW)).available).toBe(true);
    });
  });

  it('names upstream stages that do not exist when the stage list is given', () => {
    const s = stage('prod', { stages: ['ghost'] });
    const result = freightAvailability(freight(), s, NOW, [s]);
    expect(result).toMatchObject({ unknownUpstreams: ['ghost'] });
    expect(!result.available && result.message).toContain('"ghost" does not exist');
  });
});
