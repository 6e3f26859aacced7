import type { KargoRole, RoleClaim } from '@wharf/shared/api';
import { PROMOTE } from './resource-catalog';
import { allows } from './rule-cells';

const KARGO = 'kargo.akuity.io';

export interface PromoterEntry {
  role: string;
  claims: RoleClaim[];
  /** False when the role has `promote` on the stage but cannot create the Promotion. */
  canCreatePromotions: boolean;
  kargoManaged: boolean;
}

/** Roles of the project whose own rules allow `promote` on the stage, with the claims mapped to them. */
export function promotersOf(roles: readonly KargoRole[], stage: string): PromoterEntry[] {
  return roles
    .filter((r) => allows(r.rules, PROMOTE, KARGO, 'stages', stage))
    .map((r) => ({
      role: r.name,
      claims: r.claims,
      canCreatePromotions: allows(r.rules, 'create', KARGO, 'promotions'),
      kargoManaged: r.kargoManaged,
    }));
}

/** Free-text role search over name, description, claims (any name) and rule resources. */
export function roleMatches(role: KargoRole, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  const hay = [
    role.name,
    role.description ?? '',
    ...role.claims.flatMap((c) => [c.name, ...c.values]),
    ...role.rules.flatMap((r) => [...r.resources, ...(r.resourceNames ?? []), ...r.verbs]),
  ];
  return hay.some((h) => h.toLowerCase().includes(q));
}
