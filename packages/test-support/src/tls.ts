import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './processes.js';

export interface SelfSignedCert {
  certPath: string;
  keyPath: string;
  certPem: string;
}

/** A self-signed certificate for 127.0.0.1 and localhost, made with openssl in `dir`. */
export async function selfSignedCert(dir: string): Promise<SelfSignedCert> {
  const certPath = join(dir, 'tls.crt');
  const keyPath = join(dir, 'tls.key');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout',
    keyPath,
    '-out',
    certPath,
  ]);
  return { certPath, keyPath, certPem: await readFile(certPath, 'utf8') };
}
