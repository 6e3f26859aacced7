import { describe, expect, it } from 'vitest';
import { changedSincePrevious, diffArtifacts, newestFirst, summarize } from './freight';
import { freightView } from './testing/views';

describe('diffArtifacts', () => {
  it('marks each source NEW, CHANGED, REMOVED or UNCHANGED between current and incoming', () => {
    const current = freightView('a', 'w', {
      'ghcr.io/app': '1.0.0',
      'ghcr.io/sidecar': '2.0',
      'ghcr.io/old': '9',
    });
    const incoming = freightView('b', 'w', {
      'ghcr.io/app': '1.1.0',
      'ghcr.io/sidecar': '2.0',
      'ghcr.io/new': '1',
    });
    const byChange = Object.fromEntries(
      diffArtifacts(current, incoming).map((r) => [r.source, r.change]),
    );
    expect(byChange).toEqual({
      'ghcr.io/app': 'CHANGED',
      'ghcr.io/sidecar': 'UNCHANGED',
      'ghcr.io/new': 'NEW',
      'ghcr.io/old': 'REMOVED',
    });
  });

  it('treats every incoming artifact as NEW when the stage holds nothing yet', () => {
    const rows = diffArtifacts(undefined, freightView('b', 'w', { 'ghcr.io/app': '1.1.0' }));
    expect(rows).toEqual([
      { source: 'ghcr.io/app', kind: 'image', incoming: '1.1.0', change: 'NEW' },
    ]);
  });

  it("compares generic subscriptions' artifacts by subscription name and shows their version", () => {
    const art = (version: string) => ({
      artifacts: [{ subscriptionName: 'release-notes', version }],
    });
    const rows = diffArtifacts(
      freightView('a', 'w', {}, art('v1')),
      freightView('b', 'w', {}, art('v2')),
    );
    expect(rows).toEqual([
      {
        source: 'release-notes',
        kind: 'artifact',
        current: 'v1',
        incoming: 'v2',
        change: 'CHANGED',
      },
    ]);
    expect(summarize(freightView('b', 'w', {}, art('v2')))).toBe('release-notes:v2');
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
