import { describe, expect, it } from 'vitest';
import type { ProjectDelta } from '@wharf/shared/api';
import { freightView, projectSnapshot, promotionView, stageView } from '../testing/views';
import { freightCountKey } from './freight-window';
import { applyDelta, fromSnapshot, mergeFetched } from './project-state';

const snapshot = projectSnapshot();
const empty = { stages: [], warehouses: [], freight: [], promotions: [] };
const delta = (
  previousVersion: string,
  version: string,
  patch: Partial<ProjectDelta> = {},
): ProjectDelta => ({
  project: 'demo',
  version,
  previousVersion,
  upserts: { ...empty },
  deletes: { ...empty },
  ...patch,
});

describe('applyDelta', () => {
  it('applies upserts and deletes when the delta continues the held version', () => {
    const state = fromSnapshot(snapshot);
    const next = applyDelta(
      state,
      delta('v-a', 'v-b', {
        upserts: {
          ...empty,
          stages: [stageView('test', [{ origin: 'w', direct: true }], { phase: 'Promoting' })],
        },
        deletes: { ...empty, freight: ['f1'] },
      }),
    );
    expect(next?.version).toBe('v-b');
    expect(next?.stages.get('test')?.phase).toBe('Promoting');
    expect(next?.freight.has('f1')).toBe(false);
  });

  it('keeps untouched kinds identical so their views do not re-render', () => {
    const state = fromSnapshot(snapshot);
    const next = applyDelta(
      state,
      delta('v-a', 'v-b', { upserts: { ...empty, freight: [freightView('f2', 'w', {})] } }),
    );
    expect(next?.stages).toBe(state.stages);
    expect(next?.warehouses).toBe(state.warehouses);
    expect(next?.freight).not.toBe(state.freight);
  });

  it('keeps the project freight count from the delta, and merges freight fetched on the side', () => {
    const state = fromSnapshot(snapshot);
    const next = applyDelta(
      state,
      delta('v-a', 'v-b', {
        upserts: { ...empty, freight: [freightView('f2', 'w', {})] },
        freightTotal: 2,
      }),
    );
    expect(next?.freightTotal).toBe(2);
    const merged = mergeFetched(state, 'freight', [freightView('old', 'w', {})]);
    expect([...merged.freight.keys()].sort()).toEqual(['f1', 'old']);
    expect(merged.stages).toBe(state.stages);
    expect(merged.version).toBe(state.version);
  });

  it('merges promotions asked for on the side, and a later delta still changes or deletes them', () => {
    const state = fromSnapshot({ ...snapshot, promotions: [promotionView('prod.new', 'prod')] });
    const merged = mergeFetched(state, 'promotions', [
      promotionView('prod.old', 'prod'),
      promotionView('prod.older', 'prod'),
    ]);
    expect([...merged.promotions.keys()].sort()).toEqual(['prod.new', 'prod.old', 'prod.older']);
    expect(merged.stages).toBe(state.stages);
    expect(merged.version).toBe(state.version);
    const next = applyDelta(
      merged,
      delta('v-a', 'v-b', {
        upserts: { ...empty, promotions: [promotionView('prod.old', 'prod', { phase: 'Failed' })] },
        deletes: { ...empty, promotions: ['prod.older'] },
      }),
    );
    expect(next?.promotions.get('prod.old')?.phase).toBe('Failed');
    expect(next?.promotions.has('prod.older')).toBe(false);
    expect(mergeFetched(state, 'promotions', [])).toBe(state);
  });

  it("marks where the snapshot's newest freight end when it did not hold them all", () => {
    const partial = fromSnapshot({
      ...snapshot,
      freight: [
        freightView('new', 'w', {}, { discoveredAt: '2026-01-02T00:00:00Z' }),
        freightView('older', 'w', {}, { discoveredAt: '2026-01-01T00:00:00Z' }),
      ],
      freightWindow: { total: 40, nextCursor: 'c1' },
    });
    expect(partial.newestBoundary?.name).toBe('older');
    expect(partial.newestCursor).toBe('c1');
    expect(fromSnapshot(snapshot).newestBoundary).toBeNull();
    expect(partial.snapshotId).not.toBe(fromSnapshot(snapshot).snapshotId);
  });

  it('refuses a delta that does not follow the held version, so the caller re-joins', () => {
    const state = fromSnapshot(snapshot);
    expect(applyDelta(state, delta('v-x', 'v-y'))).toBeUndefined();
  });

  it('compares versions as opaque strings, never as numbers', () => {
    const state = { ...fromSnapshot(snapshot), version: '10' };
    expect(applyDelta(state, delta('010', '11'))).toBeUndefined();
    expect(applyDelta(state, delta('10', '9'))?.version).toBe('9');
  });
});

describe('freightCountKey', () => {
  it('changes when one lane gains a freight and another loses one, though the total stays', () => {
    const twoLanes = { ...snapshot, freight: [...snapshot.freight, freightView('g1', 'v', {})] };
    const state = fromSnapshot({ ...twoLanes, freightWindow: { total: 2, nextCursor: null } });
    const next = applyDelta(
      state,
      delta('v-a', 'v-b', {
        upserts: { ...empty, freight: [freightView('f2', 'w', {})] },
        deletes: { ...empty, freight: ['g1'] },
        freightTotal: 2,
      }),
    );
    if (!next) throw new Error('the delta continues the version');
    expect(next.freightTotal).toBe(state.freightTotal);
    expect(freightCountKey(next, { origin: 'w' })).not.toEqual(
      freightCountKey(state, { origin: 'w' }),
    );
  });

  it('stays the same when only stages change, so lane counts are not asked again', () => {
    const state = fromSnapshot(snapshot);
    const next = applyDelta(
      state,
      delta('v-a', 'v-b', {
        upserts: {
          ...empty,
          stages: [stageView('test', [{ origin: 'w', direct: true }], { phase: 'Promoting' })],
        },
      }),
    );
    if (!next) throw new Error('the delta continues the version');
    expect(freightCountKey(next, { origin: 'w' })).toEqual(freightCountKey(state, { origin: 'w' }));
  });
});
