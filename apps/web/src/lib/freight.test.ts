import { describe, expect, it } from 'vitest';
import { changedSincePrevious, newestFirst, summarize } from './freight';
import { freightView } from './testing/views';

describe('summarize', () => {
  it("names generic subscriptions' artifacts by subscription and version", () => {
    const f = freightView(
      'b',
      'w',
      {},
      { artifacts: [{ subscriptionName: 'release-notes', version: 'v2' }] },
    );
    expect(summarize(f)).toBe('release-notes:v2');
  });

  it('shows a commit by its tag, or its short id when untagged', () => {
    const f = freightView(
      'c',
      'w',
      {},
      { commits: [{ repoURL: 'https://git/x', id: 'abcdef1234567' }] },
    );
    expect(summarize(f)).toBe('x@abcdef1');
  });
});

describe('newestFirst and changedSincePrevious', () => {
  const old = freightView(
    'old',
    'w',
    { 'ghcr.io/app': '1.0', 'ghcr.io/db': '5' },
    { discoveredAt: '2026-01-01T00:00:00Z' },
  );
  const mid = freightView(
    'mid',
    'w',
    { 'ghcr.io/app': '1.1', 'ghcr.io/db': '5' },
    { discoveredAt: '2026-01-02T00:00:00Z' },
  );
  const other = freightView(
    'other',
    'v',
    { 'ghcr.io/ui': '3' },
    { discoveredAt: '2026-01-03T00:00:00Z' },
  );

  it('orders freight newest first by discovery time', () => {
    expect(newestFirst([old, other, mid]).map((f) => f.name)).toEqual(['other', 'mid', 'old']);
  });

  it('highlights only what changed since the previous freight of the same warehouse', () => {
    const changed = changedSincePrevious(newestFirst([old, mid, other]));
    expect([...(changed.get('mid') ?? [])]).toEqual(['ghcr.io/app']);
    expect(changed.get('old')?.size).toBe(0);
    expect(changed.get('other')?.size).toBe(0);
  });
});
