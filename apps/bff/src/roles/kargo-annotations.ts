import type { RoleClaim } from '@wharf/shared/api';

// Keys exactly as Kargo writes them.
export const MANAGED_ANNOTATION = 'rbac.kargo.akuity.io/managed';
export const CLAIMS_ANNOTATION = 'rbac.kargo.akuity.io/claims';
export const LEGACY_CLAIM_PREFIX = 'rbac.kargo.akuity.io/claim.';
export const DESCRIPTION_ANNOTATION = 'kargo.akuity.io/description';
export const PROJECT_LABEL = 'kargo.akuity.io/project';
export const API_TOKEN_LABEL = 'rbac.kargo.akuity.io/api-token';
export const SA_NAME_ANNOTATION = 'kubernetes.io/service-account.name';

type Annotations = Record<string, string> | undefined;

/**
 * The claims a ServiceAccount maps: the JSON annotation (values a string or an array) united
 * with the legacy comma-separated `claim.<name>` annotations. Unparseable JSON counts as none.
 */
export function claimsFromAnnotations(annotations: Annotations): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (name: string, value: string) => {
    const v = value.trim();
    if (!name || !v) return;
    const set = out.get(name) ?? new Set<string>();
    set.add(v);
    out.set(name, set);
  };
  for (const [key, raw] of Object.entries(annotations ?? {})) {
    if (key === CLAIMS_ANNOTATION) {
      for (const [name, value] of Object.entries(parseJsonObject(raw))) {
        for (const v of Array.isArray(value) ? value : [value])
          if (typeof v === 'string') add(name, v);
      }
    } else if (key.startsWith(LEGACY_CLAIM_PREFIX)) {
      for (const v of raw.split(',')) add(key.slice(LEGACY_CLAIM_PREFIX.length), v);
    }
  }
  return out;
}

export function claimsToList(claims: Map<string, Set<string>>): RoleClaim[] {
  return [...claims.entries()]
    .filter(([, values]) => values.size > 0)
    .map(([name, values]) => ({ name, values: [...values] }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The JSON annotation value Kargo writes: `{"claim":["v1","v2"]}`, claim names sorted. */
export function claimsAnnotationValue(claims: RoleClaim[]): string {
  const sorted = [...claims].sort((a, b) => a.name.localeCompare(b.name));
  return JSON.stringify(Object.fromEntries(sorted.map((c) => [c.name, c.values])));
}

function parseJsonObject(raw: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
