import type { KargoRole, PolicyRule, ResourceDetails, RoleClaim } from '@wharf/shared/api';
import { applyClaimsUpdate } from './claims-draft';
import { PROMOTE, STANDARD_VERBS } from './resource-catalog';
import { type RuleCell, allows, cellToRule, toCells } from './rule-cells';
import { summarizeRules } from './rule-summary';

const KARGO = 'kargo.akuity.io';

export type GrantAction =
  | { kind: 'grant-claim' | 'revoke-claim'; claim: string; value: string }
  | { kind: 'allow-promote' | 'deny-promote'; stage: string };

/** One call of the roles API: `POST`/`DELETE` on `claims` or `permissions` of the role. */
export type GrantStep =
  | { method: 'POST' | 'DELETE'; target: 'claims'; body: { claims: RoleClaim[] } }
  | { method: 'POST' | 'DELETE'; target: 'permissions'; body: { permissions: ResourceDetails } };

export interface GrantPlan {
  steps: GrantStep[];
  before: string[];
  after: string[];
  /** Said beside the preview: what the change will not achieve on its own. */
  notes: string[];
}

const claimLines = (claims: readonly RoleClaim[]) =>
  claims.length
    ? claims.map((c) => `${c.name}: ${c.values.join(', ')}`)
    : ['(no claims: nobody maps to this role)'];
const ruleLines = (rules: readonly PolicyRule[]) => {
  const s = summarizeRules(rules);
  return s.length ? s : ['(no permissions)'];
};

/** Removes verbs from the cells a revoke names; a `*` cell stands for every verb first. */
export function revokeFromRules(rules: readonly PolicyRule[], revoke: RuleCell): PolicyRule[] {
  return toCells(rules)
    .map((c) => {
      if (c.group !== revoke.group || c.resource !== revoke.resource || c.name !== revoke.name)
        return c;
      if (revoke.verbs.includes('*')) return { ...c, verbs: [] };
      const verbs = c.verbs.includes('*')
        ? [...STANDARD_VERBS, ...(c.resource === 'stages' ? [PROMOTE] : [])]
        : c.verbs;
      return { ...c, verbs: verbs.filter((v) => !revoke.verbs.includes(v)) };
    })
    .filter((c) => c.verbs.length > 0)
    .map(cellToRule);
}

function claimPlan(role: KargoRole, a: Extract<GrantAction, { claim: string }>): GrantPlan {
  const current = role.claims.find((c) => c.name === a.claim)?.values ?? [];
  const grant = a.kind === 'grant-claim';
  const values = grant ? [...new Set([...current, a.value])] : current.filter((v) => v !== a.value);
  const after = applyClaimsUpdate(role.claims, [{ name: a.claim, values }]);
  const unchanged = grant ? current.includes(a.value) : !current.includes(a.value);
  return {
    steps: unchanged
      ? []
      : [
          {
            method: grant ? 'POST' : 'DELETE',
            target: 'claims',
            body: { claims: [{ name: a.claim, values: [a.value] }] },
          },
        ],
    before: claimLines(role.claims),
    after: claimLines(after),
    notes: unchanged
      ? [
          `Nothing to do: ${a.claim} "${a.value}" is ${grant ? 'already' : 'not'} mapped to ${role.name}.`,
        ]
      : [],
  };
}

function promotePlan(role: KargoRole, a: Extract<GrantAction, { stage: string }>): GrantPlan {
  const stageCell: RuleCell = { group: KARGO, resource: 'stages', name: a.stage, verbs: [PROMOTE] };
  const stageDetails: ResourceDetails = {
    resourceType: 'stages',
    resourceName: a.stage,
    verbs: [PROMOTE],
  };
  const notes: string[] = [];
  const steps: GrantStep[] = [];
  let after: PolicyRule[];
  if (a.kind === 'allow-promote') {
    after = [...role.rules];
    if (!allows(role.rules, PROMOTE, KARGO, 'stages', a.stage)) {
      steps.push({ method: 'POST', target: 'permissions', body: { permissions: stageDetails } });
      after.push(cellToRule(stageCell));
    }
    // Kargo also needs `create promotions` to promote; grant it with the stage if missing.
    if (!allows(role.rules, 'create', KARGO, 'promotions')) {
      const create: ResourceDetails = { resourceType: 'promotions', verbs: ['create'] };
      steps.push({ method: 'POST', target: 'permissions', body: { permissions: create } });
      after.push(cellToRule({ group: KARGO, resource: 'promotions', name: '', verbs: ['create'] }));
      notes.push('Promoting also needs "create" on promotions; it is granted with it.');
    }
    if (steps.length === 0)
      notes.push(`Nothing to do: ${role.name} may already promote to ${a.stage}.`);
  } else {
    after = revokeFromRules(role.rules, stageCell);
    const hadCell = toCells(role.rules).some(
      (c) => c.resource === 'stages' && c.name === a.stage && c.group === KARGO,
    );
    if (hadCell)
      steps.push({ method: 'DELETE', target: 'permissions', body: { permissions: stageDetails } });
    if (allows(after, PROMOTE, KARGO, 'stages', a.stage))
      notes.push(
        `${role.name} will still be able to promote to ${a.stage} through a rule for every stage; edit the role to narrow it.`,
      );
    else if (!hadCell) notes.push(`Nothing to do: ${role.name} may not promote to ${a.stage}.`);
  }
  return {
    steps,
    before: ruleLines(role.rules),
    after: ruleLines(toCells(after).map(cellToRule)),
    notes,
  };
}

/** The calls that make one grant or revoke, and the role's claims or permissions before and after. */
export function planGrant(role: KargoRole, action: GrantAction): GrantPlan {
  return 'claim' in action ? claimPlan(role, action) : promotePlan(role, action);
}

export interface PreviewLine {
  text: string;
  change: 'added' | 'removed' | 'same';
}

/** Marks what a change adds (in the after column) and removes (in the before column). */
export function markChanges(plan: Pick<GrantPlan, 'before' | 'after'>): {
  before: PreviewLine[];
  after: PreviewLine[];
} {
  const was = new Set(plan.before);
  const now = new Set(plan.after);
  return {
    before: plan.before.map((text) => ({ text, change: now.has(text) ? 'same' : 'removed' })),
    after: plan.after.map((text) => ({ text, change: was.has(text) ? 'same' : 'added' })),
  };
}
