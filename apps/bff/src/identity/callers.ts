import { createHash } from 'node:crypto';
import type { KubeConfig } from '@kubernetes/client-node';
import type { MappedRole } from '@wharf/shared/api';
import type { AccessReviewer } from './access-reviewer.js';
import {
  type AccessCheck,
  type AccessDecision,
  type Caller,
  describeCheck,
} from './caller-seam.js';
import { ForbiddenError } from './http-errors.js';
import { kubeConfigImpersonating, kubeConfigWithToken } from './kube-as.js';
import type { RoleMapper } from './role-directory.js';
import type { SessionClaims } from './session.js';

const ROLES_FRESH_MS = 1000;

/** A Caller that can also say which Kargo roles it maps to (for /auth/me and 403 messages). */
export interface IdentityCaller extends Caller {
  roles(): Promise<MappedRole[]>;
}

/**
 * The admin. Without impersonation configured (the embedded default) admin acts as the BFF's own
 * identity and may do what Kubernetes allows it. In a real cluster set WHARF_ADMIN_IMPERSONATE_USER: admin then acts as,
 * and is authorized as, that Kubernetes user.
 */
export function adminCaller(
  base: KubeConfig,
  reviewer: AccessReviewer,
  impersonate?: string,
): IdentityCaller {
  return {
    actor: 'admin',
    roles: async () => [],
    authorize: async (check) =>
      impersonate
        ? reviewer.forSubject(impersonate, ['system:authenticated'], check)
        : reviewer.forSelf(check),
    kubeConfigFor: () => (impersonate ? kubeConfigImpersonating(base, impersonate) : base),
    discoveryKubeConfig: () => (impersonate ? kubeConfigImpersonating(base, impersonate) : base),
  };
}

/** A Kubernetes bearer-token user: reviews and requests go out as that token. */
export function tokenCaller(
  base: KubeConfig,
  reviewer: AccessReviewer,
  username: string,
  token: string,
): IdentityCaller {
  const tokenKey = createHash('sha256').update(token).digest('base64url');
  return {
    actor: `kubernetes:${username}`,
    roles: async () => [],
    authorize: (check) => reviewer.forToken(token, tokenKey, check),
    kubeConfigFor: () => kubeConfigWithToken(base, token),
    discoveryKubeConfig: () => kubeConfigWithToken(base, token),
  };
}

/**
 * An OIDC user: allowed when any mapped ServiceAccount is allowed (union, as Kargo does); writes
 * impersonate the ServiceAccount that allowed that very check.
 */
export function oidcCaller(opts: {
  base: KubeConfig;
  reviewer: AccessReviewer;
  mapper: RoleMapper;
  actor: string;
  claims: SessionClaims;
  /** The roles mapped when the request arrived; re-mapped when a check comes a second later. */
  roles: MappedRole[];
}): IdentityCaller {
  const allowedBy = new Map<string, string>();
  let lastRoles = opts.roles;
  // Mapping reads every ServiceAccount; one answer serves the checks of one request (a
  // capabilities answer is hundreds of them), and a long-lived caller still re-maps each second.
  let mapped: { at: number; roles: Promise<MappedRole[]> } | undefined = {
    at: Date.now(),
    roles: Promise.resolve(opts.roles),
  };
  const roles = () => {
    const now = Date.now();
    if (!mapped || now - mapped.at >= ROLES_FRESH_MS) {
      const next = opts.mapper(opts.claims).then((r) => (lastRoles = r));
      mapped = { at: now, roles: next };
      next.catch(() => (mapped = undefined));
    }
    return mapped.roles;
  };
  return {
    actor: opts.actor,
    roles,
    async authorize(check): Promise<AccessDecision> {
      const mapped = await roles();
      const answers = await Promise.all(
        mapped.map(async (r) => {
          const groups = [
            'system:serviceaccounts',
            `system:serviceaccounts:${r.project}`,
            'system:authenticated',
          ];
          return { r, d: await opts.reviewer.forSubject(r.serviceAccount, groups, check) };
        }),
      );
      const yes = answers.find((a) => a.d.allowed);
      if (yes) {
        allowedBy.set(JSON.stringify(check), yes.r.serviceAccount);
        return { allowed: true };
      }
      allowedBy.delete(JSON.stringify(check));
      return { allowed: false, reason: refusal(check, mapped) };
    },
    // Acts as the ServiceAccount that allowed this very check, never as another mapped one.
    kubeConfigFor(check) {
      const sa = allowedBy.get(JSON.stringify(check));
      if (!sa) throw new ForbiddenError(`Not authorized to ${describeCheck(check)}.`);
      return kubeConfigImpersonating(opts.base, sa);
    },
    // Discovery and OpenAPI are open to every ServiceAccount: any mapped one will do.
    discoveryKubeConfig() {
      const sa = lastRoles[0]?.serviceAccount;
      if (!sa) throw new ForbiddenError('You are mapped to no Kargo role.');
      return kubeConfigImpersonating(opts.base, sa);
    },
  };
}

function refusal(check: AccessCheck, roles: MappedRole[]): string {
  if (roles.length === 0) {
    return `You may not ${describeCheck(check)}: your sign-in claims map to no Kargo role.`;
  }
  const names = roles.map((r) => `${r.project}/${r.name}`).join(', ');
  return `You may not ${describeCheck(check)}: none of your roles (${names}) allows it.`;
}

/**
 * Kargo's actor string for an SSO user, as its API server formats it: `<username claim>:<value>`
 * when the username claim (by default `email`) is set, else `email:<email>`, else
 * `subject:<sub>`, else `unknown actor`.
 */
export function oidcActor(claims: Record<string, unknown>, usernameClaim: string): string {
  const named = claims[usernameClaim];
  if (typeof named === 'string' && named) return `${usernameClaim}:${named}`;
  if (typeof claims.email === 'string') return `email:${claims.email}`;
  if (typeof claims.sub === 'string') return `subject:${claims.sub}`;
  return 'unknown actor';
}
