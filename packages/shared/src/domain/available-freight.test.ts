import { describe, expect, it } from 'vitest';
import type { Freight } from '../kargo/freight.js';
import type { Stage } from '../kargo/stage.js';
import { freightForStage, newestAvailableFreight } from './available-freight.js';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const f = (name: string, origin: string, day: number, status: Freight['status'] = {}): Freight => ({
  metadata: { name },
  origin: { kind: 'Warehouse', name: origin },
  discoveredAt: `2025-12-${String(day).padStart(2, '0')}T00:00:00Z`,
  status,
});
const qa: Stage = {
  metadata: { name: 'qa' },
  spec: {
    requestedFreight: [
      { origin: { kind: 'Warehouse', name: 'app' }, sources: { stages: ['dev'] } },
      { origin: { kind: 'Warehouse', name: 'cfg' }, sources: { direct: true } },
    ],
  },
};
const all = [
  f('app-old', 'app', 1, { verifiedIn: { dev: {} } }),
  f('app-new', 'app', 3),
  f('cfg-1', 'cfg', 2),
  f('other', 'elsewhere', 4),
];

describe('freightForStage', () => {
  it('lists freight of requested origins only, newest first, each with its availability', () => {
    const list = freightForStage(qa, all, NOW);
    expect(list.map((x) => [x.freight.metadata.name, x.availability.available])).toEqual([
      ['app-new', false],
      ['cfg-1', true],
      ['app-old', true],
    ]);
  });
});

describe('newestAvailableFreight', () => {
  it('skips newer freight that is not available yet', () => {
    expect(newestAvailableFreight(qa, all, 'app', NOW)?.metadata.name).toBe('app-old');
  });

  it('answers undefined when nothing of that origin is available', () => {
    expect(newestAvailableFreight(qa, [f('app-new', 'app', 3)], 'app', NOW)).toBeUndefined();
  });
});
