import { describe, expect, it } from 'vitest';
import { isOtherBuild, noteServerBuild, serverRunsOtherBuild } from './server-build';

const BASE = 'https://ops.example.com/wharf/';
const PAGE = 'https://ops.example.com/wharf/assets/index-AAAA.js';

describe('isOtherBuild', () => {
  it('is false for the page’s own entry, under any base path and with a query a proxy added', () => {
    expect(isOtherBuild('assets/index-AAAA.js', PAGE, BASE)).toBe(false);
    expect(isOtherBuild('assets/index-AAAA.js', `${PAGE}?v=1`, BASE)).toBe(false);
    expect(
      isOtherBuild(
        'assets/index-AAAA.js',
        'http://127.0.0.1:8080/assets/index-AAAA.js',
        'http://127.0.0.1:8080/',
      ),
    ).toBe(false);
  });

  it('is true for another build’s entry', () => {
    expect(isOtherBuild('assets/index-BBBB.js', PAGE, BASE)).toBe(true);
  });

  it('is false when the page’s own entry is unknown (dev server)', () => {
    expect(isOtherBuild('assets/index-BBBB.js', undefined, BASE)).toBe(false);
  });
});

describe('noteServerBuild', () => {
  it('flags another build, an unreadable message, and clears when the server runs the page’s build again', () => {
    noteServerBuild({ entry: 'assets/index-AAAA.js' }, PAGE, BASE);
    expect(serverRunsOtherBuild()).toBe(false);
    noteServerBuild({ entry: 'assets/index-BBBB.js' }, PAGE, BASE);
    expect(serverRunsOtherBuild()).toBe(true);
    noteServerBuild({ entry: 'assets/index-AAAA.js' }, PAGE, BASE);
    expect(serverRunsOtherBuild()).toBe(false);
    noteServerBuild({ build: 42 }, PAGE, BASE);
    expect(serverRunsOtherBuild()).toBe(true);
  });
});
