// CA and serving certificate, generated at first start and kept in the data dir.
import { webcrypto } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(globalThis.crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const TEN_YEARS = 3650 * 24 * 3600 * 1000;

export interface TlsMaterial {
  caPem: string;
  certPem: string;
  keyPem: string;
}

function pemKey(der: ArrayBuffer): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trim();
  return `-----BEGIN PRIVATE KEY-----\n${b64}\n-----END PRIVATE KEY-----\n`;
}

function serial(): string {
  return Buffer.from(webcrypto.getRandomValues(new Uint8Array(16)))
    .toString('hex')
    .replace(/^[89a-f]/, '1');
}

export async function loadOrCreateTls(dataDir: string, host: string): Promise<TlsMaterial> {
  const paths = {
    ca: join(dataDir, 'ca.crt'),
    cert: join(dataDir, 'serving.crt'),
    key: join(dataDir, 'serving.key'),
  };
  if (existsSync(paths.ca) && existsSync(paths.cert) && existsSync(paths.key)) {
    return {
      caPem: readFileSync(paths.ca, 'utf8'),
      certPem: readFileSync(paths.cert, 'utf8'),
      keyPem: readFileSync(paths.key, 'utf8'),
    };
  }
  const notBefore = new Date(Date.now() - 3600_000);
  const notAfter = new Date(Date.now() + TEN_YEARS);
  const caKeys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: 'CN=wharf-apiserver-ca',
    notBefore,
    notAfter,
    keys: caKeys,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const keys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']);
  const names = new Set([
    'localhost',
    'kubernetes',
    'kubernetes.default',
    'kubernetes.default.svc',
    '127.0.0.1',
    '::1',
    host,
  ]);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: 'CN=wharf-apiserver',
    issuer: ca.subject,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm: ALG,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
        true,
      ),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(
        [...names].map((n) => ({ type: isIP(n) ? ('ip' as const) : ('dns' as const), value: n })),
      ),
      await x509.AuthorityKeyIdentifierExtension.create(ca, false),
    ],
  });
  const out = {
    caPem: ca.toString('pem') + '\n',
    certPem: cert.toString('pem') + '\n',
    keyPem: pemKey(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)),
  };
  writeFileSync(paths.key, out.keyPem, { mode: 0o600 });
  writeFileSync(paths.cert, out.certPem);
  writeFileSync(paths.ca, out.caPem);
  return out;
}
