import { describe, expect, it } from 'vitest';
import { safeLinkUrl } from './safe-url.js';

describe('a URL from cluster data becomes a link only when it is http(s)', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '/relative/path',
    'not a url',
    '',
    undefined,
  ])('refuses %j', (url) => {
    expect(safeLinkUrl(url)).toBeUndefined();
  });

  it('keeps http and https URLs', () => {
    expect(safeLinkUrl('https://argocd.example.com/applications/a/b')).toBe(
      'https://argocd.example.com/applications/a/b',
    );
    expect(safeLinkUrl('http://127.0.0.1:8080/x')).toBe('http://127.0.0.1:8080/x');
  });
});
