import type { MappedRole } from '@wharf/shared/api';
import { claimsFromAnnotations } from '../roles/kargo-annotations.js';
import type { SessionClaims } from './session.js';

/** Only what mapping reads, so informer objects and client-node objects both fit. */
export interface ServiceAccountLike {
  metadata?: { name?: string; namespace?: string; annotations?: unknown };
}

function stringMap(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

/**
 * The roles an OIDC user maps to, as Kargo maps them: a ServiceAccount counts when any of its
 * claim values equals one of the user's values for that claim, and only in a project namespace
 * or a global role namespace.
 */
export function mapClaimsToRoles(
  serviceAccounts: Iterable<ServiceAccountLike>,
  eligibleNamespaces: ReadonlySet<string>,
  userClaims: SessionClaims,
): MappedRole[] {
  const roles: MappedRole[] = [];
  for (const sa of serviceAccounts) {
    const ns = sa.metadata?.namespace;
    const name = sa.metadata?.name;
    if (!ns || !name || !eligibleNamespaces.has(ns)) continue;
    const matched: Record<string, string[]> = {};
    for (const [claim, wanted] of claimsFromAnnotations(stringMap(sa.metadata?.annotations))) {
      const mine = userClaims[claim];
      const values = (Array.isArray(mine) ? mine : mine === undefined ? [] : [mine]).filter((v) =>
        wanted.has(v),
      );
      if (values.length > 0) matched[claim] = values;
    }
    if (Object.keys(matched).length > 0) {
      roles.push({
        project: ns,
        name,
        serviceAccount: `system:serviceaccount:${ns}:${name}`,
        matchedClaims: matched,
      });
    }
  }
  return roles.sort((a, b) => a.project.localeCompare(b.project) || a.name.localeCompare(b.name));
}
