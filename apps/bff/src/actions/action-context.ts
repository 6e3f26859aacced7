import type { Caller } from '../access/caller.js';
import { onBehalfCheck, onBehalfRefusal, type OnBehalfAction } from '../access/on-behalf.js';
import { clientActingFor, kargoCheck } from '../access/require.js';
import { ForbiddenError, NotFoundError } from '../errors/http-errors.js';
import type { KubeClient } from '../kube/kube-client.js';
import type { ProjectReader } from '../read/project-reader.js';

/** What every action needs: the caller, the project's cached objects, and a clock. */
export interface ActionContext {
  caller: Caller;
  reader: ProjectReader;
  /** Wharf's own identity: what Kargo's API server does as itself, Wharf does with this. */
  own: KubeClient;
  now: () => number;
  /** For what went wrong after the change was made (the user's request still succeeded). */
  warn: (message: string, err: unknown) => void;
}

export function nowIso(ctx: ActionContext): string {
  return new Date(ctx.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Checks the caller may `verb` the object, then returns a client that writes as the caller. */
export async function writerFor(
  ctx: ActionContext,
  verb: string,
  resource: string,
  name?: string,
  subresource?: string,
): Promise<KubeClient> {
  return clientActingFor(
    ctx.caller,
    kargoCheck(verb, resource, ctx.reader.project, name, subresource),
  );
}

/**
 * Checks the caller as Kargo's API server does for `action` on the object `name`, then returns
 * Wharf's own client, which makes the change (see ON_BEHALF_RULES).
 */
export async function ownWriterAfter(
  ctx: ActionContext,
  action: OnBehalfAction,
  name: string,
): Promise<KubeClient> {
  const check = onBehalfCheck(action, ctx.reader.project, name);
  const decision = onBehalfRefusal(action, await ctx.caller.authorize(check));
  if (!decision.allowed) throw new ForbiddenError(decision.reason);
  return ctx.own;
}

export function requireProject(ctx: ActionContext): void {
  if (!ctx.reader.projectObject()) {
    throw new NotFoundError(`There is no project "${ctx.reader.project}".`);
  }
}

export function stageOrThrow(ctx: ActionContext, name: string) {
  const stage = ctx.reader.get('stages', name);
  if (!stage) {
    throw new NotFoundError(`There is no stage "${name}" in project "${ctx.reader.project}".`);
  }
  return stage;
}

/** Freight by name, or by alias when no freight has that name. */
export function freightOrThrow(ctx: ActionContext, nameOrAlias: string) {
  const f = ctx.reader.get('freight', nameOrAlias) ?? ctx.reader.freightByAlias(nameOrAlias);
  if (!f) {
    throw new NotFoundError(
      `There is no freight named or aliased "${nameOrAlias}" in project "${ctx.reader.project}".`,
    );
  }
  return f;
}
