import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareFreightNewestFirst,
  freightAvailability,
  freightMatchesTerms,
  searchTerms,
  type Freight,
  type Stage,
} from '@wharf/shared';
import type { FreightQuery } from '@wharf/shared/api';
import { ProjectFreight } from './freight-index.js';
import { selectFreight } from './freight-query.js';

// Generated projects and random change sequences: after every change the index, and every
// page read through it, must equal what a from-scratch computation over all freight gives.

const NOW = Date.parse('2026-02-01T00:00:00Z');
const WAREHOUSES = ['w0', 'w1', 'w2'];
const STAGES = ['s0', 's1', 's2', 's3', 's4', 's5'];
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();

const stageArb = (name: string): fc.Arbitrary<Stage> =>
  fc
    .array(
      fc.record({
        origin: fc.constantFrom(...WAREHOUSES),
        direct: fc.boolean(),
        upstreams: fc.subarray(STAGES.filter((s) => s !== name).concat(['gone'])),
        strategy: fc.constantFrom('OneOf', 'All', undefined),
        soak: fc.constantFrom(undefined, '10m', '2h', 'soon'),
      }),
      { minLength: 1, maxLength: 2 },
    )
    .map((reqs) => ({
      metadata: { name, namespace: 'p' },
      spec: {
        requestedFreight: reqs.map((r) => ({
          origin: { kind: 'Warehouse', name: r.origin },
          sources: {
            ...(r.direct ? { direct: true } : {}),
            stages: r.upstreams,
            ...(r.strategy ? { availabilityStrategy: r.strategy } : {}),
            ...(r.soak ? { requiredSoakTime: r.soak } : {}),
          },
        })),
      },
    }));

const stageRecord = fc.dictionary(fc.constantFrom(...STAGES), fc.integer({ min: 0, max: 300 }), {
  maxKeys: 4,
});

const freightArb = (name: string): fc.Arbitrary<Freight> =>
  fc
    .record({
      origin: fc.constantFrom(...WAREHOUSES),
      // Few distinct times, so ties on discovery and creation are common.
      discovered: fc.option(fc.integer({ min: 0, max: 8 }), { nil: undefined }),
      created: fc.integer({ min: 0, max: 3 }),
      alias: fc.constantFrom('lucky-otter', 'calm-heron', 'bold-lynx', undefined),
      tag: fc.constantFrom('1.0.0', '1.2.0', '2.0.1'),
      sha: fc.constantFrom('abc123', 'abd999', 'ffee00'),
      message: fc.constantFrom('fix login', 'bump deps', ''),
      currentlyIn: stageRecord,
      verifiedIn: fc.dictionary(
        fc.constantFrom(...STAGES),
        fc.record({
          ago: fc.integer({ min: 0, max: 300 }),
          soak: fc.constantFrom('', '30m', '3h'),
        }),
        { maxKeys: 4 },
      ),
      approvedFor: stageRecord,
    })
    .map((r) => ({
      metadata: { name, namespace: 'p', creationTimestamp: at(r.created * 60) },
      origin: { kind: 'Warehouse', name: r.origin },
      ...(r.discovered !== undefined ? { discoveredAt: at(r.discovered * 30) } : {}),
      ...(r.alias ? { alias: r.alias } : {}),
      images: [{ repoURL: 'ghcr.io/acme/app', tag: r.tag }],
      commits: [{ repoURL: 'https://git.example/app.git', id: r.sha, message: r.message }],
      status: {
        currentlyIn: Object.fromEntries(
          Object.entries(r.currentlyIn).map(([s, ago]) => [s, { since: at(ago) }]),
        ),
        verifiedIn: Object.fromEntries(
          Object.entries(r.verifiedIn).map(([s, v]) => [
            s,
            { verifiedAt: at(v.ago), ...(v.soak ? { longestSoak: v.soak } : {}) },
          ]),
        ),
        approvedFor: Object.fromEntries(
          Object.entries(r.approvedFor).map(([s, ago]) => [s, { approvedAt: at(ago) }]),
        ),
      },
    }));

const NAMES = Array.from({ length: 12 }, (_, i) => `f${i}`);

type Change =
  | { kind: 'freight'; freight: Freight }
  | { kind: 'delete'; name: string }
  | { kind: 'stage'; stage: Stage }
  | { kind: 'dropStage'; name: string };

const changeArb: fc.Arbitrary<Change> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .constantFrom(...NAMES)
      .chain(freightArb)
      .map((freight) => ({ kind: 'freight' as const, freight })),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...NAMES).map((name) => ({ kind: 'delete' as const, name })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...STAGES)
      .chain(stageArb)
      .map((stage) => ({ kind: 'stage' as const, stage })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...STAGES).map((name) => ({ kind: 'dropStage' as const, name })),
  },
);

const queryArb: fc.Arbitrary<FreightQuery> = fc.record(
  {
    offset: fc.constantFrom(0, 0, 1, 3),
    limit: fc.integer({ min: 1, max: 5 }),
    origin: fc.constantFrom(...WAREHOUSES),
    stage: fc.constantFrom(...STAGES),
    q: fc.constantFrom('otter', 'ab', '1.2', 'fix', 'f1', 'bump 2.0', 'nothing'),
    inUse: fc.boolean(),
    availableOnly: fc.constant(true),
    since: fc.constantFrom(at(60), at(150)),
  },
  { requiredKeys: ['offset', 'limit'] },
);

/** What the page must be: every freight filtered with the rules, sorted, then skipped/cut. */
function fromScratch(all: Freight[], stages: Stage[], q: FreightQuery): Freight[] {
  const stage = stages.find((s) => s.metadata.name === q.stage);
  const terms = searchTerms(q.q);
  const after = q.since ? Date.parse(q.since) : -Infinity;
  return all
    .filter((f) => !q.origin || f.origin.name === q.origin)
    .filter(
      (f) => !stage || stage.spec.requestedFreight.some((r) => r.origin.name === f.origin.name),
    )
    .filter((f) => !q.inUse || Object.keys(f.status?.currentlyIn ?? {}).length > 0)
    .filter((f) => Date.parse(f.discoveredAt ?? f.metadata.creationTimestamp ?? '') > after)
    .filter((f) => freightMatchesTerms({ ...f, name: f.metadata.name }, terms))
    .filter(
      (f) => !q.availableOnly || !stage || freightAvailability(f, stage, NOW, stages).available,
    )
    .sort(compareFreightNewestFirst);
}

function reverseMap(
  all: Freight[],
  map: 'currentlyIn' | 'verifiedIn' | 'approvedFor',
  stage: string,
) {
  return all
    .filter((f) => f.status?.[map]?.[stage] !== undefined)
    .map((f) => f.metadata.name)
    .sort();
}

const names = (fs: readonly Freight[]) => fs.map((f) => f.metadata.name);

describe('the freight index, against a from-scratch computation', () => {
  it('keeps order, stage maps and every filtered page equal to recomputing over all freight, change after change', () => {
    fc.assert(
      fc.property(
        fc.tuple(...STAGES.map(stageArb)),
        fc.array(changeArb, { minLength: 1, maxLength: 40 }),
        fc.array(queryArb, { minLength: 3, maxLength: 3 }),
        (initialStages, changes, queries) => {
          const index = new ProjectFreight();
          const freight = new Map<string, Freight>();
          const stages = new Map(initialStages.map((s) => [s.metadata.name, s]));
          for (const c of changes) {
            if (c.kind === 'freight') {
              freight.set(c.freight.metadata.name, c.freight);
              index.upsert(c.freight);
            } else if (c.kind === 'delete') {
              freight.delete(c.name);
              index.delete(c.name);
            } else if (c.kind === 'stage') stages.set(c.stage.metadata.name, c.stage);
            else stages.delete(c.name);
            const all = [...freight.values()];
            const stageList = [...stages.values()];
            expect(names(index.ordered().map((e) => e.freight))).toEqual(
              names([...all].sort(compareFreightNewestFirst)),
            );
            for (const s of STAGES)
              for (const map of ['currentlyIn', 'verifiedIn', 'approvedFor'] as const)
                expect([...index.stageSet(map, s)].sort()).toEqual(reverseMap(all, map, s));
            for (const raw of queries) {
              // A stage filter or availableOnly needs a stage that exists now.
              const q = stages.has(raw.stage ?? '')
                ? raw
                : { ...raw, stage: undefined, availableOnly: undefined };
              const want = fromScratch(all, stageList, q);
              const page = selectFreight(index, q, stageList, NOW);
              expect(page.total).toBe(want.length);
              expect(names(page.items)).toEqual(names(want.slice(q.offset, q.offset + q.limit)));
              // Following cursors from the first page visits every match once, in order.
              const seen: Freight[] = [];
              let cursor: string | undefined;
              for (let guard = 0; guard < 50; guard++) {
                const p = selectFreight(
                  index,
                  { ...q, offset: 0, ...(cursor ? { cursor } : {}) },
                  stageList,
                  NOW,
                );
                seen.push(...p.items);
                if (p.nextCursor === null) break;
                cursor = p.nextCursor;
              }
              expect(names(seen)).toEqual(names(want));
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('resumes after the cursor even when newer freight arrived and the cursor freight was deleted', () => {
    const index = new ProjectFreight();
    const make = (name: string, minutesAgo: number): Freight => ({
      metadata: { name, namespace: 'p', creationTimestamp: at(minutesAgo) },
      origin: { kind: 'Warehouse', name: 'w0' },
      discoveredAt: at(minutesAgo),
    });
    for (let i = 0; i < 6; i++) index.upsert(make(`f${i}`, 60 - i * 10));
    const first = selectFreight(index, { offset: 0, limit: 2 }, [], NOW);
    expect(names(first.items)).toEqual(['f5', 'f4']);
    index.upsert(make('new', 0));
    index.delete('f4');
    const next = selectFreight(
      index,
      { offset: 0, limit: 2, cursor: first.nextCursor ?? '' },
      [],
      NOW,
    );
    expect(names(next.items)).toEqual(['f3', 'f2']);
  });

  it('refuses a cursor it did not issue and a stage that does not exist', () => {
    const index = new ProjectFreight();
    expect(() =>
      selectFreight(index, { offset: 0, limit: 2, cursor: 'nonsense' }, [], NOW),
    ).toThrow(/cursor/);
    expect(() => selectFreight(index, { offset: 0, limit: 2, stage: 'nope' }, [], NOW)).toThrow(
      /no stage "nope"/,
    );
  });
});
