import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface HttpGetOptions {
  username?: string;
  password?: string;
  insecureSkipTLSVerify?: boolean;
  /** No answer or no data for this long fails the request (default 30 s). */
  timeoutMs?: number;
}

/** An HTTP answer other than 2xx, with its status. */
export class HttpStatusError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** GETs a URL into memory, following up to 5 redirects; credentials only go to the first host. */
export async function httpGet(url: string, o: HttpGetOptions = {}, redirects = 5): Promise<Buffer> {
  const u = new URL(url);
  const request = u.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: Record<string, string> = { 'User-Agent': 'wharf-embedded-kargo' };
  if (o.username && o.password)
    headers.Authorization = `Basic ${Buffer.from(`${o.username}:${o.password}`).toString('base64')}`;
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = request(u, {
      headers,
      timeout: o.timeoutMs ?? 30_000,
      rejectUnauthorized: !o.insecureSkipTLSVerify,
    });
    req.on('response', resolve);
    req.on('timeout', () => req.destroy(new Error(`no answer from ${u.host} in time`)));
    req.on('error', reject);
    req.end();
  });
  const status = res.statusCode ?? 0;
  if (status >= 300 && status < 400 && res.headers.location && redirects > 0) {
    res.resume();
    const next = new URL(res.headers.location, u);
    const sameHost = next.host === u.host;
    return httpGet(
      next.toString(),
      sameHost ? o : { ...o, username: '', password: '' },
      redirects - 1,
    );
  }
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  if (status < 200 || status >= 300)
    throw new HttpStatusError(
      status,
      `received unexpected HTTP ${status} from ${u.origin}${u.pathname}`,
    );
  return body;
}
