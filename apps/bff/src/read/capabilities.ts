import { PROMOTE_VERB } from '@wharf/shared';
import {
  ProjectActionSchema,
  StageActionSchema,
  type Capabilities,
  type CapabilityDecision,
  type ProjectAction,
  type StageAction,
} from '@wharf/shared/api';
import type { AccessCheck, Caller } from '../access/caller.js';
import { kargoCheck } from '../access/require.js';
import type { ProjectReader } from './project-reader.js';

/** The Kubernetes checks behind each stage action (all must pass). */
function stageChecks(action: StageAction, ns: string, stage: string): AccessCheck[] {
  const promote = kargoCheck(PROMOTE_VERB, 'stages', ns, stage);
  switch (action) {
    case 'promote':
    case 'promoteDownstream':
      return [promote, kargoCheck('create', 'promotions', ns)];
    case 'approve':
      return [promote, kargoCheck('patch', 'freights', ns, undefined, 'status')];
    case 'refresh':
    case 'reverify':
    case 'abortVerification':
      return [kargoCheck('patch', 'stages', ns, stage)];
    case 'delete':
      return [kargoCheck('delete', 'stages', ns, stage)];
  }
}

function projectChecks(action: ProjectAction, ns: string): AccessCheck[] {
  switch (action) {
    case 'refreshWarehouse':
      return [kargoCheck('patch', 'warehouses', ns)];
    case 'aliasFreight':
      return [kargoCheck('patch', 'freights', ns)];
    case 'deleteFreight':
      return [kargoCheck('delete', 'freights', ns)];
    case 'abortPromotion':
      return [kargoCheck('patch', 'promotions', ns)];
    case 'applyResources':
      return [kargoCheck('create', 'stages', ns), kargoCheck('create', 'warehouses', ns)];
    case 'manageRoles':
      return [
        { verb: 'create', group: 'rbac.authorization.k8s.io', resource: 'roles', namespace: ns },
      ];
  }
}

async function decide(caller: Caller, checks: AccessCheck[]): Promise<CapabilityDecision> {
  for (const check of checks) {
    const d = await caller.authorize(check);
    if (!d.allowed) return { allowed: false, reason: d.reason };
  }
  return { allowed: true };
}

/** Asks Kubernetes about every action; decisions are as the caller, never a table of our own. */
export async function capabilitiesOf(caller: Caller, r: ProjectReader): Promise<Capabilities> {
  const ns = r.project;
  const projectActions = Object.fromEntries(
    await Promise.all(
      ProjectActionSchema.options.map(
        async (a) => [a, await decide(caller, projectChecks(a, ns))] as const,
      ),
    ),
  ) as Capabilities['projectActions'];
  const stages: Capabilities['stages'] = {};
  await Promise.all(
    r.list('stages').map(async (s) => {
      const name = s.metadata.name;
      stages[name] = Object.fromEntries(
        await Promise.all(
          StageActionSchema.options.map(
            async (a) => [a, await decide(caller, stageChecks(a, ns, name))] as const,
          ),
        ),
      ) as Capabilities['stages'][string];
    }),
  );
  return { project: ns, actor: caller.actor, projectActions, stages };
}
