import { describe, expect, it } from 'vitest';
import { versionMatrix } from './version-matrix.js';

const held = (tag: string, chart?: string) => ({
  images: [{ repoURL: 'ghcr.io/app', tag }],
  charts: chart ? [{ repoURL: 'oci://charts', name: 'app', version: chart }] : [],
});

describe('versionMatrix', () => {
  it('puts each image and chart in a row with the version each stage runs', () => {
    const m = versionMatrix([
      { name: 'dev', currentFreight: [held('1.2.0', '0.5.0')] },
      { name: 'gate', controlFlow: true, currentFreight: [] },
      { name: 'prod', currentFreight: [held('1.1.0', '0.5.0')] },
      { name: 'new', currentFreight: [] },
    ]);
    expect(m.stages).toEqual(['dev', 'prod', 'new']);
    expect(m.rows).toEqual([
      {
        kind: 'chart',
        key: 'oci://charts/app',
        cells: { dev: ['0.5.0'], prod: ['0.5.0'] },
        distinct: 1,
      },
      {
        kind: 'image',
        key: 'ghcr.io/app',
        cells: { dev: ['1.2.0'], prod: ['1.1.0'] },
        distinct: 2,
      },
    ]);
  });

  it('shows an untagged image by its digest, and both versions when two freight carry it', () => {
    const m = versionMatrix([
      {
        name: 'dev',
        currentFreight: [
          { images: [{ repoURL: 'r', digest: 'sha256:0123456789abcdef' }], charts: [] },
          { images: [{ repoURL: 'r', tag: '2' }], charts: [] },
        ],
      },
    ]);
    expect(m.rows[0]?.cells.dev).toEqual(['0123456789ab', '2']);
  });
});
