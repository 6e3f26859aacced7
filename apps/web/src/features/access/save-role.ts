import type { KargoRole } from '@wharf/shared/api';
import { claimsOf, claimsUpdate } from './claims-draft';
import type { RoleDraft } from './role-draft';
import { applyStep, createRole, updateRole } from './roles-api';
import { planRuleSave, toDetails } from './rules-draft';

export async function createFromDraft(project: string, d: RoleDraft): Promise<KargoRole> {
  return createRole(project, {
    name: d.name,
    ...(d.description.trim() ? { description: d.description.trim() } : {}),
    claims: claimsOf(d.claims),
    rules: d.rules.map(toDetails),
  });
}

/**
 * Saves an edit without losing what the screen did not change: only changed claims are named,
 * and rules the editor could not express are never sent (see planRuleSave). Rules replaced in
 * the same PUT are authorized together with the claims, so a refusal changes nothing.
 */
export async function saveDraft(project: string, role: KargoRole, d: RoleDraft): Promise<void> {
  const claims = claimsUpdate(role.claims, d.claims);
  const description = d.description.trim();
  const plan = planRuleSave(role.rules, d.rules);
  const body = {
    ...(description !== (role.description ?? '') ? { description } : {}),
    ...(claims.length ? { claims } : {}),
    ...(plan.kind === 'replace' ? { rules: plan.rules } : {}),
  };
  // Granted rules first: a grant the escalation guard refuses then leaves claims untouched too.
  if (plan.kind === 'edit') {
    for (const permissions of plan.grants)
      await applyStep(project, role.name, {
        method: 'POST',
        target: 'permissions',
        body: { permissions },
      });
    for (const permissions of plan.revokes)
      await applyStep(project, role.name, {
        method: 'DELETE',
        target: 'permissions',
        body: { permissions },
      });
  }
  if (Object.keys(body).length > 0) await updateRole(project, role.name, body);
}
