import { describe, expect, it } from 'vitest';
import { freightAssemblyProblems } from './freight-assembly.js';

const subs = [
  { image: { repoURL: 'ghcr.io/acme/app' } },
  { git: { repoURL: 'https://github.com/acme/config.git' } },
  { chart: { repoURL: 'oci://ghcr.io/acme/charts', name: 'app' } },
];

describe('freightAssemblyProblems', () => {
  it('accepts one artifact per subscription, matching git URLs after normalization', () => {
    expect(
      freightAssemblyProblems('w', subs, {
        images: [{ repoURL: 'ghcr.io/acme/app', tag: '1.0.0', digest: 'sha256:a' }],
        commits: [{ repoURL: 'https://github.com/Acme/config', id: 'abc' }],
        charts: [{ repoURL: 'oci://ghcr.io/acme/charts', name: 'app', version: '1.0.0' }],
      }),
    ).toEqual([]);
  });

  it('names the subscriptions left without a version, or with two, and artifacts no subscription provides', () => {
    expect(
      freightAssemblyProblems('w', subs, {
        images: [
          { repoURL: 'ghcr.io/acme/app', tag: '1.0.0' },
          { repoURL: 'ghcr.io/acme/app', tag: '1.1.0' },
          { repoURL: 'ghcr.io/acme/other', tag: '1' },
        ],
      }),
    ).toEqual([
      'no subscription of warehouse "w" provides images of ghcr.io/acme/other',
      'pick only one version for subscription ghcr.io/acme/app',
      'pick one version for subscription https://github.com/acme/config.git',
      'pick one version for subscription oci://ghcr.io/acme/charts (app)',
    ]);
  });

  it('refuses empty freight', () => {
    expect(freightAssemblyProblems('w', [], {})).toEqual([
      'freight must contain at least one commit, image, or chart',
    ]);
  });
});
