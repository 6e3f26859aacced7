import { PROMOTE_VERB } from '@wharf/shared';
import type { AccessCheck, AccessDecision } from './caller.js';
import { kargoCheck } from './require.js';

interface OnBehalfRule {
  /** What the user must be allowed, on the object the action names. */
  verb: string;
  resource: 'stages' | 'warehouses' | 'promotions';
  /**
   * What Wharf's own identity needs for it, `verb resource` (deploy/rbac grants exactly these).
   * Kargo's Promotion webhook lets only holders of `promote` on the stage create or change a
   * Promotion, so whatever Wharf writes to a Promotion also needs that.
   */
  needs: readonly string[];
  /** Said after Kubernetes' refusal: which of Kargo's own roles include it. */
  note: string;
}

const PROMOTER = "Kargo's kargo-promoter and kargo-admin roles include promote on stages.";
const READER = "Every one of Kargo's project roles includes reading it.";
const ADMIN_ONLY = (what: string, verb: string, resource: string) =>
  `${what} needs ${verb} on ${resource}; Kargo's kargo-promoter role does not include it (kargo-admin does), and Kargo's own UI refuses it alike.`;

/**
 * The actions Kargo's API server performs with its own identity after checking the user once:
 * Wharf checks the same thing as the user, then writes with its own ServiceAccount (the rules
 * that needs are in deploy/rbac). One rule per action, for the action and for what the UI enables.
 * Refresh is narrower than Kargo's (which asks nothing of a signed-in user): Wharf never acts on
 * an object the user cannot read.
 */
export const ON_BEHALF_RULES = {
  promote: {
    verb: PROMOTE_VERB,
    resource: 'stages',
    needs: ['create promotions', 'promote stages'],
    note: PROMOTER,
  },
  approve: {
    verb: PROMOTE_VERB,
    resource: 'stages',
    needs: ['patch freights/status'],
    note: PROMOTER,
  },
  refreshStage: {
    verb: 'get',
    resource: 'stages',
    // Kargo refreshes the stage's current promotion with it.
    needs: ['patch stages', 'patch promotions', 'promote stages'],
    note: READER,
  },
  refreshWarehouse: {
    verb: 'get',
    resource: 'warehouses',
    needs: ['patch warehouses'],
    note: READER,
  },
  abortPromotion: {
    verb: 'patch',
    resource: 'promotions',
    needs: ['patch promotions', 'promote stages'],
    note: ADMIN_ONLY('Abort', 'patch', 'promotions'),
  },
  reverify: {
    verb: 'patch',
    resource: 'stages',
    needs: ['patch stages'],
    note: ADMIN_ONLY('Reverify', 'patch', 'stages'),
  },
  abortVerification: {
    verb: 'patch',
    resource: 'stages',
    needs: ['patch stages'],
    note: ADMIN_ONLY('Aborting a verification', 'patch', 'stages'),
  },
} as const satisfies Record<string, OnBehalfRule>;

export type OnBehalfAction = keyof typeof ON_BEHALF_RULES;

/** The one check of `action`, on the object `name` (or every object of its kind when absent). */
export function onBehalfCheck(
  action: OnBehalfAction,
  namespace: string,
  name?: string,
): AccessCheck {
  const rule = ON_BEHALF_RULES[action];
  return kargoCheck(rule.verb, rule.resource, namespace, name);
}

/** Kubernetes' refusal of `action`, followed by what Kargo's own roles say about it. */
export function onBehalfRefusal(action: OnBehalfAction, decision: AccessDecision): AccessDecision {
  if (decision.allowed) return decision;
  return { allowed: false, reason: `${decision.reason} ${ON_BEHALF_RULES[action].note}` };
}
