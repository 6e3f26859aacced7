import { KARGO_GROUP, PROMOTE_VERB } from '@wharf/shared';
import type { Caller } from '../access/caller.js';
import { clientActingFor, kargoCheck, requireAccess } from '../access/require.js';
import { NotFoundError } from '../errors/http-errors.js';
import type { KubeClient } from '../kube/kube-client.js';
import type { ProjectReader } from '../read/project-reader.js';

/** What every action needs: the caller, the project's cached objects, and a clock. */
export interface ActionContext {
  caller: Caller;
  reader: ProjectReader;
  now: () => number;
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

/** Kargo's own rule: promoting to, approving for, or aborting a promotion of a stage needs `promote` on it. */
export function requirePromote(ctx: ActionContext, stage: string): Promise<void> {
  return requireAccess(ctx.caller, {
    verb: PROMOTE_VERB,
    group: KARGO_GROUP,
    resource: 'stages',
    namespace: ctx.reader.project,
    name: stage,
  });
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
