import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import { importPKCS8, SignJWT } from 'jose';
import type { SelfSignedCert } from './tls.js';

export const TOKEN_SERVICE = 'wharf-test-registry';
export const TOKEN_ISSUER = 'wharf-test-token-issuer';

export interface TokenServer {
  realm: string;
  /** A token the harness itself uses (to push), granting `actions` on `repository`. */
  mint(repository: string, actions: string[]): Promise<string>;
  close(): Promise<void>;
}

/**
 * The token server of Docker's token authentication: the registry challenges with
 * `WWW-Authenticate: Bearer realm=…,service=…,scope=…`, clients ask here (with basic credentials,
 * or none) and present the signed JWT. Only the configured user gets the access it asks for.
 */
export async function startTokenServer(
  tls: SelfSignedCert,
  user: { username: string; password: string },
): Promise<TokenServer> {
  const keyPem = await readFile(tls.keyPath, 'utf8');
  const key = await importPKCS8(keyPem, 'ES256');
  const der = tls.certPem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const sign = (sub: string, access: { type: string; name: string; actions: string[] }[]) =>
    new SignJWT({ access })
      .setProtectedHeader({ alg: 'ES256', typ: 'JWT', x5c: [der] })
      .setIssuer(TOKEN_ISSUER)
      .setSubject(sub)
      .setAudience(TOKEN_SERVICE)
      .setIssuedAt()
      .setNotBefore('-1m')
      .setExpirationTime('10m')
      .setJti(randomUUID())
      .sign(key);
  const expected = `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;
  const server: Server = createServer({ cert: tls.certPem, key: keyPem }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://x');
    const authorized = req.headers.authorization === expected;
    if (req.headers.authorization && !authorized) {
      res.writeHead(401).end('bad credentials');
      return;
    }
    const access = url.searchParams.getAll('scope').flatMap((scope) => {
      const [type = '', name = '', actions = ''] = scope.split(':');
      return authorized ? [{ type, name, actions: actions.split(',') }] : [];
    });
    void sign(authorized ? user.username : '', access).then((token) =>
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ token, access_token: token, expires_in: 600 })),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    realm: `https://127.0.0.1:${port}/token`,
    mint: (repository, actions) =>
      sign(user.username, [{ type: 'repository', name: repository, actions }]),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
