import type { V1PolicyRule } from '@kubernetes/client-node';
import type { IdentityCaller } from '../identity/callers.js';
import { AccessDeniedError } from '../identity/http-errors.js';
import { addedGrants } from './policy-rules.js';

/**
 * Refuses to grant what the requester does not already hold: every added (verb, resource, name)
 * is checked with an access review for the requester. Kubernetes' own RBAC escalation check on
 * the Role write is the second line.
 */
export async function guardEscalation(
  caller: IdentityCaller,
  ns: string,
  previous: readonly V1PolicyRule[],
  next: readonly V1PolicyRule[],
): Promise<void> {
  const grants = addedGrants(previous, next);
  const answers = await Promise.all(
    grants.map(async (g) => {
      const [resource = '', subresource] = g.resource.split('/', 2);
      const d = await caller.authorize({
        verb: g.verb,
        group: g.group,
        resource,
        ...(subresource ? { subresource } : {}),
        namespace: ns,
        ...(g.name ? { name: g.name } : {}),
      });
      return { g, allowed: d.allowed };
    }),
  );
  const missing = answers.filter((a) => !a.allowed).map((a) => a.g);
  if (missing.length > 0) {
    const list = missing
      .map(
        (m) =>
          `${m.verb} ${m.resource}${m.group ? `.${m.group}` : ''}${m.name ? ` "${m.name}"` : ''}`,
      )
      .join(', ');
    throw new AccessDeniedError(
      `You cannot grant permissions you do not hold yourself in project ${ns}: ${list}.`,
      { missing },
    );
  }
}
