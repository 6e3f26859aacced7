import { describe, expect, it } from 'vitest';
import { diffFreight } from './freight-diff.js';

const repo = 'https://github.com/example/app';

describe('diffFreight', () => {
  it('marks a new commit of the same repository as CHANGED with short ids', () => {
    const rows = diffFreight(
      { commits: [{ repoURL: repo, id: 'aaaaaaa1111' }] },
      { commits: [{ repoURL: repo, id: 'bbbbbbb2222' }] },
    );
    expect(rows).toEqual([
      expect.objectContaining({
        kind: 'commit',
        key: repo,
        current: 'aaaaaaa',
        incoming: 'bbbbbbb',
        change: 'CHANGED',
      }),
    ]);
  });

  it('marks identical artifacts UNCHANGED', () => {
    const f = { images: [{ repoURL: 'ghcr.io/x', tag: '1.0', digest: 'sha256:1' }] };
    expect(diffFreight(f, f)[0]?.change).toBe('UNCHANGED');
  });

  it('sees a re-pushed tag (same tag, new digest) as CHANGED', () => {
    const rows = diffFreight(
      { images: [{ repoURL: 'ghcr.io/x', tag: 'latest', digest: 'sha256:1' }] },
      { images: [{ repoURL: 'ghcr.io/x', tag: 'latest', digest: 'sha256:2' }] },
    );
    expect(rows[0]?.change).toBe('CHANGED');
  });

  it('reports artifacts only in the incoming freight as NEW and only in the current as REMOVED', () => {
    const rows = diffFreight(
      { charts: [{ repoURL: 'oci://r', name: 'old', version: '1.0.0' }] },
      { charts: [{ repoURL: 'oci://r', name: 'new', version: '2.0.0' }] },
    );
    expect(rows.map((r) => [r.key, r.change, r.current, r.incoming])).toEqual([
      ['oci://r/new', 'NEW', undefined, '2.0.0'],
      ['oci://r/old', 'REMOVED', '1.0.0', undefined],
    ]);
  });

  it('treats everything as NEW when there is no current freight (first promotion)', () => {
    const rows = diffFreight(undefined, {
      commits: [{ repoURL: repo, id: '1234567890', tag: 'v1.0.0' }],
      images: [{ repoURL: 'ghcr.io/x', tag: '1.0' }],
    });
    expect(rows.map((r) => [r.kind, r.change, r.incoming])).toEqual([
      ['commit', 'NEW', 'v1.0.0 (1234567)'],
      ['image', 'NEW', '1.0'],
    ]);
  });

  it('orders rows commits, images, charts, then by key', () => {
    const rows = diffFreight(undefined, {
      charts: [{ repoURL: 'r', name: 'c', version: '1' }],
      images: [
        { repoURL: 'z/img', tag: '1' },
        { repoURL: 'a/img', tag: '1' },
      ],
      commits: [{ repoURL: repo, id: '1' }],
    });
    expect(rows.map((r) => r.key)).toEqual([repo, 'a/img', 'z/img', 'r/c']);
  });

  it('pairs two images of one repository by position instead of losing one', () => {
    const rows = diffFreight(
      {
        images: [
          { repoURL: 'x', tag: 'a' },
          { repoURL: 'x', tag: 'b' },
        ],
      },
      {
        images: [
          { repoURL: 'x', tag: 'a' },
          { repoURL: 'x', tag: 'c' },
        ],
      },
    );
    expect(rows.map((r) => r.change).sort()).toEqual(['CHANGED', 'UNCHANGED']);
  });
});

describe('diffFreight between any two freight', () => {
  it("links a changed commit to its forge's compare page and keeps both commits' messages", () => {
    const repo = 'https://github.com/example/config.git';
    const rows = diffFreight(
      { commits: [{ repoURL: repo, id: 'aaaaaaa1111', message: 'Raise replicas' }] },
      { commits: [{ repoURL: repo, id: 'bbbbbbb2222', message: 'Add PDB' }] },
    );
    expect(rows[0]).toMatchObject({
      change: 'CHANGED',
      compareUrl: 'https://github.com/example/config/compare/aaaaaaa1111...bbbbbbb2222',
      currentArtifact: { message: 'Raise replicas' },
      incomingArtifact: { message: 'Add PDB' },
    });
  });

  it('compares generic artifacts by subscription, after the other kinds', () => {
    const rows = diffFreight(
      { artifacts: [{ subscriptionName: 'notes', version: 'v1' }] },
      {
        images: [{ repoURL: 'ghcr.io/x', tag: '2' }],
        artifacts: [{ subscriptionName: 'notes', version: 'v2' }],
      },
    );
    expect(rows.map((r) => `${r.kind}:${r.key}:${r.change}`)).toEqual([
      'image:ghcr.io/x:NEW',
      'artifact:notes:CHANGED',
    ]);
  });
});
