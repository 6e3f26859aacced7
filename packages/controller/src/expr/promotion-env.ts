import { normalizeGitUrl } from '@wharf/shared';
import type { FreightReference } from '@wharf/shared';
import { ExpressionError, type Env, type Fn } from './evaluate.js';

export interface PromotionScope {
  project: string;
  stage: string;
  promotion: string;
  actor?: string;
  targetFreight: { name: string; origin: { kind: string; name: string } };
  /** Every Freight the Stage will hold after this promotion, keyed `Warehouse/<name>`. */
  freight: FreightReference[];
  vars: Record<string, unknown>;
  outputs: Record<string, unknown>;
  taskOutputs?: Record<string, unknown>;
  /** Status of each earlier step by alias, for `if:` functions. */
  stepStatus: Record<string, string>;
}

const sameOrigin = (f: FreightReference, origin: unknown) => {
  if (!origin || typeof origin !== 'object') return true;
  const o = origin as { name?: unknown };
  return f.origin?.name === o.name;
};

function find<T>(
  scope: PromotionScope,
  what: string,
  repo: unknown,
  origin: unknown,
  pick: (f: FreightReference) => T[],
): T {
  const matches = scope.freight.filter((f) => sameOrigin(f, origin)).flatMap(pick);
  if (matches.length === 0)
    throw new ExpressionError(`no ${what} for "${String(repo)}" in the Freight being promoted`);
  if (matches.length > 1 && !origin)
    throw new ExpressionError(
      `several Freight carry ${what} "${String(repo)}"; pass warehouse("<name>") as second argument`,
    );
  return matches[0] as T;
}

function functions(scope: PromotionScope): Record<string, Fn> {
  const failed = () =>
    Object.values(scope.stepStatus).some((s) => s === 'Failed' || s === 'Errored');
  return {
    commitFrom: (repo, origin) => {
      const c = find(scope, 'commit', repo, origin, (f) =>
        (f.commits ?? []).filter(
          (c) => normalizeGitUrl(c.repoURL ?? '') === normalizeGitUrl(String(repo)),
        ),
      );
      return {
        RepoURL: c.repoURL,
        ID: c.id,
        Branch: c.branch,
        Tag: c.tag,
        Message: c.message,
        Author: c.author,
        Committer: c.committer,
      };
    },
    imageFrom: (repo, origin) => {
      const i = find(scope, 'image', repo, origin, (f) =>
        (f.images ?? []).filter((i) => i.repoURL === repo),
      );
      return { RepoURL: i.repoURL, Tag: i.tag, Digest: i.digest, Annotations: i.annotations ?? {} };
    },
    chartFrom: (repo, name, origin) => {
      const c = find(scope, 'chart', repo, origin, (f) =>
        (f.charts ?? []).filter(
          (c) =>
            c.repoURL === repo &&
            (name === undefined || typeof name === 'object' || c.name === name),
        ),
      );
      return { RepoURL: c.repoURL, Name: c.name, Version: c.version };
    },
    warehouse: (name) => ({ kind: 'Warehouse', name }),
    quote: (v) => JSON.stringify(typeof v === 'string' ? v : String(v)),
    success: () => !failed(),
    failure: () => failed(),
    always: () => true,
    status: (alias) => scope.stepStatus[String(alias)] ?? '',
  };
}

/** The names Kargo's expressions see during a promotion: vars, ctx, outputs, task.outputs. */
export function promotionEnv(scope: PromotionScope): Env {
  return {
    values: {
      vars: scope.vars,
      ctx: {
        project: scope.project,
        stage: scope.stage,
        promotion: scope.promotion,
        targetFreight: scope.targetFreight,
        meta: { promotion: { actor: scope.actor ?? '' } },
      },
      outputs: scope.outputs,
      task: { outputs: scope.taskOutputs ?? {} },
    },
    functions: functions(scope),
  };
}
