// Bearer tokens: the admin token (random, kept in the data dir) and ServiceAccount tokens
// (ES256 JWTs signed by a key kept in the data dir, valid while their ServiceAccount, and bound
// Secret for legacy tokens, still exist with the same uid).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  exportPKCS8,
  exportSPKI,
  generateKeyPair,
  importPKCS8,
  importSPKI,
  jwtVerify,
  SignJWT,
  type CryptoKey,
} from 'jose';
import type { TokenIssuer } from '../context.js';
import type { UserInfo } from '../rbac/index.js';
import type { Store } from '../storage/store.js';
import { isObject } from '../util/kobj.js';

export const ISSUER = 'https://kubernetes.default.svc.cluster.local';
export const API_AUDIENCE = 'https://kubernetes.default.svc.cluster.local';
export const ADMIN_USER: UserInfo = {
  username: 'wharf-admin',
  groups: ['system:masters', 'system:authenticated'],
};

export function loadAdminToken(dataDir: string): string {
  const path = join(dataDir, 'admin-token');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const token = randomBytes(32).toString('base64url');
  writeFileSync(path, token + '\n', { mode: 0o600 });
  return token;
}

async function loadKeys(dataDir: string): Promise<{ priv: CryptoKey; pub: CryptoKey }> {
  const privPath = join(dataDir, 'sa-signing.key');
  const pubPath = join(dataDir, 'sa-signing.pub');
  if (!existsSync(privPath)) {
    const kp = await generateKeyPair('ES256', { extractable: true });
    writeFileSync(pubPath, await exportSPKI(kp.publicKey));
    writeFileSync(privPath, await exportPKCS8(kp.privateKey), { mode: 0o600 });
  }
  return {
    priv: await importPKCS8(readFileSync(privPath, 'utf8'), 'ES256'),
    pub: await importSPKI(readFileSync(pubPath, 'utf8'), 'ES256'),
  };
}

function saUser(ns: string, name: string, uid: string): UserInfo {
  return {
    username: `system:serviceaccount:${ns}:${name}`,
    uid,
    groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'],
  };
}

export async function createTokenIssuer(
  dataDir: string,
  store: Store,
  adminToken: string,
): Promise<TokenIssuer> {
  const keys = await loadKeys(dataDir);
  const admin = Buffer.from(adminToken);
  return {
    async authenticate(token) {
      const t = Buffer.from(token);
      if (t.length === admin.length && timingSafeEqual(t, admin)) return ADMIN_USER;
      try {
        const { payload } = await jwtVerify(token, keys.pub, { issuer: ISSUER });
        const k8s = payload['kubernetes.io'];
        if (isObject(k8s) && isObject(k8s.serviceaccount)) {
          const ns = String(k8s.namespace);
          const name = String(k8s.serviceaccount.name);
          const uid = String(k8s.serviceaccount.uid);
          const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
          if (!aud.includes(API_AUDIENCE)) return undefined;
          if (store.get('serviceaccounts', ns, name)?.metadata.uid !== uid) return undefined;
          return saUser(ns, name, uid);
        }
        const legacyNs = payload['kubernetes.io/serviceaccount/namespace'];
        const legacySa = payload['kubernetes.io/serviceaccount/service-account.name'];
        const legacyUid = payload['kubernetes.io/serviceaccount/service-account.uid'];
        const legacySecret = payload['kubernetes.io/serviceaccount/secret.name'];
        if (
          typeof legacyNs === 'string' &&
          typeof legacySa === 'string' &&
          typeof legacyUid === 'string' &&
          typeof legacySecret === 'string'
        ) {
          if (store.get('serviceaccounts', legacyNs, legacySa)?.metadata.uid !== legacyUid)
            return undefined;
          if (!store.get('secrets', legacyNs, legacySecret)) return undefined;
          return saUser(legacyNs, legacySa, legacyUid);
        }
      } catch {
        return undefined;
      }
      return undefined;
    },
    async issueServiceAccountToken(sa, opts) {
      const nowS = Math.floor(Date.now() / 1000);
      const exp = nowS + Math.max(600, opts.expirationSeconds ?? 3600);
      const token = await new SignJWT({
        'kubernetes.io': {
          namespace: sa.namespace,
          serviceaccount: { name: sa.name, uid: sa.uid },
          ...(opts.boundObject
            ? {
                [opts.boundObject.kind.toLowerCase()]: {
                  name: opts.boundObject.name,
                  uid: opts.boundObject.uid,
                },
              }
            : {}),
        },
      })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer(ISSUER)
        .setSubject(`system:serviceaccount:${sa.namespace}:${sa.name}`)
        .setAudience(opts.audiences?.length ? opts.audiences : [API_AUDIENCE])
        .setIssuedAt(nowS)
        .setNotBefore(nowS)
        .setExpirationTime(exp)
        .setJti(randomBytes(16).toString('hex'))
        .sign(keys.priv);
      return {
        token,
        expirationTimestamp: new Date(exp * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
      };
    },
    async signLegacy(ns, sa, saUid, secret) {
      return new SignJWT({
        'kubernetes.io/serviceaccount/namespace': ns,
        'kubernetes.io/serviceaccount/secret.name': secret,
        'kubernetes.io/serviceaccount/service-account.name': sa,
        'kubernetes.io/serviceaccount/service-account.uid': saUid,
      })
        .setProtectedHeader({ alg: 'ES256' })
        .setIssuer(ISSUER)
        .setSubject(`system:serviceaccount:${ns}:${sa}`)
        .sign(keys.priv);
    },
  };
}
