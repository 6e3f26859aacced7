import { randomBytes } from 'node:crypto';
import { kubeEventOf, type KargoEventSpec } from '@wharf/shared';
import { corePath } from '../kube/paths.js';
import { nowIso, type ActionContext } from './action-context.js';

/** Who reports the Events Wharf records (their `source.component`). */
export const WHARF_EVENT_COMPONENT = 'wharf';

/**
 * Records an Event as Kargo's API server does after acting for a person: with Wharf's own
 * identity, naming the person. Best effort, as Kargo's: the change is made and stays made.
 */
export async function recordKargoEvent(ctx: ActionContext, spec: KargoEventSpec): Promise<void> {
  const name = `${spec.involved.name}.${randomBytes(8).toString('hex')}`;
  try {
    await ctx.own.create(
      corePath('events', spec.involved.namespace),
      kubeEventOf(spec, nowIso(ctx), { name }),
    );
  } catch (err) {
    ctx.warn(`could not record the ${spec.reason} event`, err);
  }
}
