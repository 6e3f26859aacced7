import type { ServerResponse } from 'node:http';
// Everything a request handler or controller needs, wired once by startApiServer.
import type { RequestMetrics } from './http/metrics.js';
import type { UserInfo } from './rbac/index.js';
import type { Catalog } from './registry/catalog.js';
import type { Store } from './storage/store.js';
import type { AdmissionHook } from './types.js';
import type { WatchHub } from './watch/hub.js';

export interface TokenIssuer {
  /** Resolves a bearer token to a user, or undefined when it is not valid. */
  authenticate(token: string): Promise<UserInfo | undefined>;
  issueServiceAccountToken(
    sa: { namespace: string; name: string; uid: string },
    opts: {
      audiences?: string[];
      expirationSeconds?: number;
      boundObject?: { kind: string; name: string; uid: string; apiVersion?: string };
    },
  ): Promise<{ token: string; expirationTimestamp: string }>;
  /** A non-expiring token for a legacy kubernetes.io/service-account-token Secret. */
  signLegacy(
    namespace: string,
    serviceAccount: string,
    serviceAccountUid: string,
    secret: string,
  ): Promise<string>;
}

export interface Ctx {
  store: Store;
  hub: WatchHub;
  catalog: Catalog;
  hooks: AdmissionHook[];
  tokens: TokenIssuer;
  caPem: string;
  bookmarkIntervalMs: number;
  /** True once close() has begun. */
  closing: boolean;
  /** Open watch responses, ended on close(). */
  watches: Set<ServerResponse>;
  /** Requests served, for GET /metrics. */
  metrics: RequestMetrics;
}

/** Who is asking and how: passed from the HTTP layer into object operations. */
export interface Caller {
  user: UserInfo;
  dryRun: boolean;
  fieldManager?: string;
  /** How unknown fields in custom resources are reported (Kubernetes' default is Warn). */
  fieldValidation?: 'Ignore' | 'Warn' | 'Strict';
}

export const SYSTEM_CALLER: Caller = {
  user: { username: 'system:apiserver', groups: ['system:masters', 'system:authenticated'] },
  dryRun: false,
};
