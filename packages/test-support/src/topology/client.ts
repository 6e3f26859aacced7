import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface ClientAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** Which replica answered (nginx's `x-upstream`), when the answer came through the proxy. */
  upstream: string | undefined;
  json<T = unknown>(): T;
}

/** A cookie as the server set it, with the attributes tests check. */
export interface StoredCookie {
  value: string;
  attributes: string;
}

/**
 * A browser-like HTTP client for API tests: keeps cookies per host (Wharf's and the identity
 * provider's), sends Origin and Wharf's CSRF header on state changes as the web app does, and
 * trusts the test certificate.
 */
export class TopologyClient {
  private readonly jars = new Map<string, Map<string, StoredCookie>>();

  constructor(
    /** Wharf's URL, e.g. `https://127.0.0.1:8443/wharf/`. */
    private readonly base: string,
    private readonly ca: string,
    private readonly opts: {
      /** The Origin the web app would send (its public URL's), when `base` is not that URL. */
      origin?: string;
      /** Connect from this loopback address, to be another client to the proxy. */
      localAddress?: string;
    } = {},
  ) {}

  cookie(name: string, url = this.base): StoredCookie | undefined {
    return this.jars.get(new URL(url).host)?.get(name);
  }

  /** Replaces every cookie of Wharf's host: a browser holding exactly this session. */
  setCookies(cookies: Record<string, string>): void {
    const jar = new Map<string, StoredCookie>();
    for (const [k, value] of Object.entries(cookies)) jar.set(k, { value, attributes: '' });
    this.jars.set(new URL(this.base).host, jar);
  }

  /** A request to `path` (relative to Wharf's URL, e.g. `api/v1/projects`) or to an absolute URL. */
  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ClientAnswer> {
    const url = new URL(path, this.base);
    const jar = this.jars.get(url.host) ?? new Map<string, StoredCookie>();
    this.jars.set(url.host, jar);
    const unsafe = !['GET', 'HEAD'].includes(method);
    const send = {
      accept: 'application/json, text/html',
      ...(jar.size ? { cookie: [...jar].map(([k, c]) => `${k}=${c.value}`).join('; ') } : {}),
      ...(unsafe
        ? { origin: this.opts.origin ?? new URL(this.base).origin, 'x-wharf-csrf': '1' }
        : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    };
    const make = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const local = this.opts.localAddress ? { localAddress: this.opts.localAddress } : {};
      const req = make(url, { method, headers: send, ca: this.ca, ...local }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          for (const line of res.headers['set-cookie'] ?? []) {
            const [pair = '', ...attrs] = line.split(';');
            const eq = pair.indexOf('=');
            const name = pair.slice(0, eq).trim();
            const value = pair.slice(eq + 1).trim();
            const attributes = attrs.join(';');
            if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(attributes))
              jar.delete(name);
            else jar.set(name, { value, attributes });
          }
          const text = Buffer.concat(chunks).toString('utf8');
          const upstream = res.headers['x-upstream'];
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            upstream: Array.isArray(upstream) ? upstream.join(',') : upstream,
            json: <T>() => JSON.parse(text) as T,
          });
        });
      });
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }

  /** Follows redirects (across hosts: Wharf → identity provider → Wharf) from `path`. */
  async follow(path: string, maxHops = 10): Promise<ClientAnswer> {
    let url = new URL(path, this.base).href;
    for (let i = 0; i < maxHops; i++) {
      const res = await this.request('GET', url);
      const location = res.headers.location;
      if (res.status < 300 || res.status >= 400 || !location) return res;
      url = new URL(location, url).href;
    }
    throw new Error(`more than ${maxHops} redirects from ${path}`);
  }
}
