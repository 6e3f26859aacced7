import { request } from 'node:http';
import { createConnection, createServer, type AddressInfo, type Server } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { io } from 'socket.io-client';

export interface Transfer {
  ms: number;
  /** Bytes of the body as sent (after any compression). */
  wireBytes: number;
  /** Bytes of the body once decoded. */
  bodyBytes: number;
  status: number;
  encoding: string;
}

/** GET as a browser does (asking for compression); times until the last byte arrived. */
export function getTimed(
  url: string,
  cookie: string,
  timeoutMs = 600_000,
): Promise<Transfer & { body: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(
      url,
      { headers: { cookie, 'accept-encoding': 'gzip, deflate, br', accept: 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = performance.now() - t0;
          const raw = Buffer.concat(chunks);
          const encoding = String(res.headers['content-encoding'] ?? 'identity');
          const body =
            encoding === 'gzip'
              ? gunzipSync(raw)
              : encoding === 'br'
                ? brotliDecompressSync(raw)
                : raw;
          resolve({
            ms,
            wireBytes: raw.length,
            bodyBytes: body.length,
            status: res.statusCode ?? 0,
            encoding,
            body: body.toString('utf8'),
          });
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** A TCP relay to `port` that counts the bytes flowing back to the client: bytes on the wire. */
export async function countingProxy(port: number): Promise<{
  port: number;
  received(): number;
  close(): Promise<void>;
}> {
  let received = 0;
  const server: Server = createServer((client) => {
    const upstream = createConnection(port, '127.0.0.1');
    upstream.on('data', (c: Buffer) => (received += c.length));
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    received: () => received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

export interface JoinResult {
  ms: number;
  wireBytes: number;
  ack: unknown;
}

/**
 * Joins a project room through a byte-counting relay, as a browser does (websocket transport,
 * permessage-deflate offered): time from the join to its parsed ack, and the bytes received.
 * `gzip` asks for the packed snapshot the web app asks for.
 */
export async function joinTimed(
  bffPort: number,
  cookie: string,
  project: string,
  encoding?: 'gzip',
) {
  const proxy = await countingProxy(bffPort);
  const socket = io(`http://127.0.0.1:${proxy.port}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 300_000,
    extraHeaders: { cookie },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    const before = proxy.received();
    const t0 = performance.now();
    const ack = await new Promise<unknown>((resolve) =>
      socket.emit('project:join', encoding ? { project, encoding } : { project }, resolve),
    );
    const ms = performance.now() - t0;
    return { ms, wireBytes: proxy.received() - before, ack } satisfies JoinResult;
  } finally {
    socket.close();
    await proxy.close();
  }
}
