import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { freightArtifactKeys, freightCollectionId, freightName } from './freight-name.js';

const sha1 = (s: string) => createHash('sha1').update(s, 'utf8').digest('hex');

const artifacts = {
  commits: [
    { repoURL: 'https://github.com/Example/App.git', id: 'abc123', branch: 'main' },
    { repoURL: 'git@github.com:example/config.git', id: 'def456', tag: 'v1.2.0' },
  ],
  images: [{ repoURL: 'ghcr.io/example/app', tag: '1.4.0', digest: 'sha256:feed' }],
  charts: [{ repoURL: 'oci://ghcr.io/Example/charts', name: 'app', version: '0.3.1' }],
};

describe('freightArtifactKeys', () => {
  it('builds one canonical key per artifact, sorted', () => {
    expect(freightArtifactKeys(artifacts)).toEqual([
      'ghcr.io/example/app:1.4.0@sha256:feed',
      'ghcr.io/example/charts/app:0.3.1',
      'https://github.com/example/app:abc123',
      'ssh://git@github.com/example/config:v1.2.0:def456',
    ]);
  });

  it('keys a generic subscription artifact by type, subscription and version', () => {
    expect(
      freightArtifactKeys({
        artifacts: [
          { artifactType: 'application/json', subscriptionName: 'notes', version: 'v7' },
          { subscriptionName: 'model', version: '2026.01' },
        ],
      }),
    ).toEqual([':model:2026.01', 'application/json:notes:v7']);
  });

  it('keeps an image key with both tag and digest even if one is empty', () => {
    expect(freightArtifactKeys({ images: [{ repoURL: 'nginx', tag: 'latest' }] })).toEqual([
      'nginx:latest@',
    ]);
  });
});

describe('freightName', () => {
  it('is the SHA-1 of "Warehouse/<name>:" and the keys joined by "|"', () => {
    const expected = sha1(`Warehouse/app:${freightArtifactKeys(artifacts).join('|')}`);
    expect(freightName('app', artifacts)).toBe(expected);
    expect(freightName('app', artifacts)).toMatch(/^[0-9a-f]{40}$/);
  });

  it('does not depend on the order artifacts are listed in', () => {
    const reordered = { ...artifacts, commits: [...artifacts.commits].reverse() };
    expect(freightName('app', reordered)).toBe(freightName('app', artifacts));
  });

  it('differs per warehouse and per artifact version', () => {
    const other = { ...artifacts, images: [{ ...artifacts.images[0], digest: 'sha256:beef' }] };
    expect(freightName('other', artifacts)).not.toBe(freightName('app', artifacts));
    expect(freightName('app', other)).not.toBe(freightName('app', artifacts));
  });

  it('treats equivalent spellings of a git repository as the same freight', () => {
    const a = { commits: [{ repoURL: 'https://github.com/x/y.git', id: '1' }] };
    const b = { commits: [{ repoURL: 'https://GITHUB.com/x/y/', id: '1' }] };
    expect(freightName('w', a)).toBe(freightName('w', b));
  });

  it('hashes freight with no artifacts to the SHA-1 of the prefix alone', () => {
    expect(freightName('w', {})).toBe(sha1('Warehouse/w:'));
  });
});

describe('freightCollectionId', () => {
  it('is the SHA-1 of the sorted freight names joined by commas, whatever their order', () => {
    expect(freightCollectionId(['b', 'a'])).toBe(sha1('a,b'));
    expect(freightCollectionId(['a', 'b'])).toBe(freightCollectionId(['b', 'a']));
  });
});
