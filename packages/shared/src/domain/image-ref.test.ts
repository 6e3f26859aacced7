import { describe, expect, it } from 'vitest';
import {
  normalizeChartCredentialUrl,
  normalizeImageUrl,
  parseImageRepository,
} from './image-ref.js';

describe('parseImageRepository', () => {
  it.each([
    ['nginx', { registry: 'registry-1.docker.io', repository: 'library/nginx' }],
    ['docker.io/bitnami/redis', { registry: 'registry-1.docker.io', repository: 'bitnami/redis' }],
    ['ghcr.io/akuity/kargo:v1.0.0', { registry: 'ghcr.io', repository: 'akuity/kargo' }],
    ['127.0.0.1:5000/echo-server', { registry: '127.0.0.1:5000', repository: 'echo-server' }],
    ['localhost/app@sha256:abc', { registry: 'localhost', repository: 'app' }],
  ])('reads %j', (url, expected) => {
    expect(parseImageRepository(url)).toEqual(expected);
  });

  it('refuses what is not an image repository', () => {
    expect(parseImageRepository('ghcr.io/Bad Name')).toBeUndefined();
    expect(parseImageRepository('')).toBeUndefined();
  });
});

describe('normalizeImageUrl', () => {
  it.each([
    ['docker.io/library/nginx', 'nginx'],
    ['index.docker.io/nginx:1.27', 'nginx'],
    ['Ghcr.io/Akuity/Kargo', 'ghcr.io/akuity/kargo'],
    ['127.0.0.1:5000/echo-server:0.9.0', '127.0.0.1:5000/echo-server'],
  ])('turns %j into %j', (url, expected) => {
    expect(normalizeImageUrl(url)).toBe(expected);
  });

  it('keeps registry-1.docker.io when it is spelled out', () => {
    expect(normalizeImageUrl('registry-1.docker.io/library/nginx')).toBe(
      'registry-1.docker.io/library/nginx',
    );
  });
});

describe('normalizeChartCredentialUrl', () => {
  it('drops oci:// and reads the rest as an image; keeps http(s) URLs lower-cased', () => {
    expect(normalizeChartCredentialUrl('oci://GHCR.io/acme/charts/app')).toBe(
      'ghcr.io/acme/charts/app',
    );
    expect(normalizeChartCredentialUrl('https://Charts.Example.com/')).toBe(
      'https://charts.example.com/',
    );
  });
});
