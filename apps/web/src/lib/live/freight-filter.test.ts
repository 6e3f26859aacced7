import { describe, expect, it } from 'vitest';
import { freightSortKey, searchTerms, type FreightFilterSpec } from '@wharf/shared';
import { freightView } from '../testing/views';
import { shownFreight } from './freight-filter';

const NOW = Date.parse('2026-01-10T12:00:00Z');
const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
const any: FreightFilterSpec = { terms: [], inUse: false, appearedAfter: -Infinity };
const names = (fs: { name: string }[]) => fs.map((f) => f.name);

const recent = freightView('recent', 'w', { 'ghcr.io/app': '2.0.0' }, { discoveredAt: ago(5) });
const yesterday = freightView(
  'yesterday',
  'w',
  { 'ghcr.io/app': '1.9.0' },
  { discoveredAt: ago(20 * 60), alias: 'calm-otter' },
);
const undiscovered = freightView('undiscovered', 'v', {}, { createdAt: ago(30) });
const held = freightView(
  'held',
  'v',
  {},
  { discoveredAt: ago(3 * 24 * 60), currentlyIn: [{ stage: 'prod' }] },
);
const all = [held, undiscovered, yesterday, recent];

describe('what a freight window shows', () => {
  it('orders known freight newest first by discovery, freight never discovered last (as Kargo)', () => {
    expect(names(shownFreight(all, any, null))).toEqual([
      'recent',
      'yesterday',
      'held',
      'undiscovered',
    ]);
  });

  it('keeps only freight that appeared after the bound, counting creation when undiscovered', () => {
    const hour = { ...any, appearedAfter: NOW - 3_600_000 };
    expect(names(shownFreight(all, hour, null))).toEqual(['recent', 'undiscovered']);
  });

  it('filters by origin, by use and by search words with the shared rule', () => {
    expect(names(shownFreight(all, { ...any, origins: new Set(['v']) }, null))).toEqual([
      'held',
      'undiscovered',
    ]);
    expect(names(shownFreight(all, { ...any, inUse: true }, null))).toEqual(['held']);
    expect(names(shownFreight(all, { ...any, terms: searchTerms('otter') }, null))).toEqual([
      'yesterday',
    ]);
    expect(names(shownFreight(all, { ...any, terms: searchTerms('2.0') }, null))).toEqual([
      'recent',
    ]);
  });

  it('stops where the loaded pages end, so a gap before older pages never shows', () => {
    expect(names(shownFreight(all, any, freightSortKey(yesterday)))).toEqual([
      'recent',
      'yesterday',
    ]);
  });
});
