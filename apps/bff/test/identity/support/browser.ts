import { CSRF_HEADER } from '@wharf/shared/api';

/**
 * A minimal browser for tests: one cookie jar for loopback (cookies ignore ports, as in a real
 * browser), manual redirects so every hop is visible, and the CSRF header the web app sends.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  readonly visited: string[] = [];

  /** `headers`: sent with every request, e.g. the X-Forwarded-For a proxy in front would add. */
  constructor(private readonly headers: Record<string, string> = {}) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(this.headers);
    new Headers(init.headers).forEach((value, name) => headers.set(name, value));
    if (this.cookies.size) headers.set('cookie', this.cookieHeader());
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    this.store(res);
    return res;
  }

  /** Follows redirects like a browser's top-level navigation; answers the last response. */
  async navigate(url: string, maxHops = 15): Promise<Response> {
    let next = url;
    for (let hop = 0; hop < maxHops; hop++) {
      this.visited.push(next);
      const res = await this.fetch(next);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return res;
      await res.arrayBuffer();
      next = new URL(location, next).href;
    }
    throw new Error(`Too many redirects from ${url}`);
  }

  /** A same-origin JSON call as the web app makes it (CSRF header included). */
  api(url: string, method = 'GET', body?: unknown): Promise<Response> {
    return this.fetch(url, {
      method,
      headers: {
        ...(method === 'GET' ? {} : { [CSRF_HEADER]: '1' }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }
}
