import { KARGO_GROUP, promotionRefusal, type Stage } from '@wharf/shared';
import {
  ClusterActionSchema,
  ProjectActionSchema,
  StageActionSchema,
  compactStageCapabilities,
  type Capabilities,
  type CapabilityDecision,
  type ClusterAction,
  type ClusterCapabilities,
  type ProjectAction,
  type StageAction,
} from '@wharf/shared/api';
import type { AccessCheck, AccessDecision, Caller } from '../access/caller.js';
import { onBehalfCheck, onBehalfRefusal, type OnBehalfAction } from '../access/on-behalf.js';
import { kargoCheck } from '../access/require.js';
import type { ProjectReader } from './project-reader.js';

// Declarative: each action is the list of Kubernetes checks that must all pass, or the one rule
// of an action Wharf performs as itself after checking the user (ON_BEHALF_RULES, which the
// action itself uses too). Whoever changes how a decision is reached (e.g. identity) changes
// `decide`, not these tables.

/** An action Wharf performs as itself: its one check, refused with what Kargo's roles say. */
interface OnBehalf {
  onBehalf: OnBehalfAction;
  check: AccessCheck;
}
type Rule = AccessCheck[] | OnBehalf;
const onBehalf = (action: OnBehalfAction, ns: string, name?: string): OnBehalf => ({
  onBehalf: action,
  check: onBehalfCheck(action, ns, name),
});

const core = (verb: string, resource: string, namespace?: string): AccessCheck => ({
  verb,
  group: '',
  resource,
  ...(namespace ? { namespace } : {}),
});
const cluster = (verb: string, resource: string, name?: string): AccessCheck => ({
  verb,
  group: KARGO_GROUP,
  resource,
  ...(name ? { name } : {}),
});

const STAGE_CHECKS: Record<StageAction, (ns: string, stage: string) => Rule> = {
  promote: (ns, s) => onBehalf('promote', ns, s),
  promoteDownstream: (ns, s) => onBehalf('promote', ns, s),
  approve: (ns, s) => onBehalf('approve', ns, s),
  refresh: (ns, s) => onBehalf('refreshStage', ns, s),
  reverify: (ns, s) => onBehalf('reverify', ns, s),
  abortVerification: (ns, s) => onBehalf('abortVerification', ns, s),
  delete: (ns, s) => [kargoCheck('delete', 'stages', ns, s)],
};

const PROJECT_CHECKS: Record<ProjectAction, (ns: string) => Rule> = {
  refreshWarehouse: (ns) => onBehalf('refreshWarehouse', ns),
  aliasFreight: (ns) => [kargoCheck('patch', 'freights', ns)],
  requestApproval: (ns) => [kargoCheck('patch', 'freights', ns, undefined, 'status')],
  createFreight: (ns) => [kargoCheck('create', 'freights', ns)],
  deleteFreight: (ns) => [kargoCheck('delete', 'freights', ns)],
  abortPromotion: (ns) => onBehalf('abortPromotion', ns),
  applyResources: (ns) => [
    kargoCheck('create', 'stages', ns),
    kargoCheck('create', 'warehouses', ns),
  ],
  manageRoles: (ns) => [
    { verb: 'create', group: 'rbac.authorization.k8s.io', resource: 'roles', namespace: ns },
  ],
  createWarehouse: (ns) => [kargoCheck('create', 'warehouses', ns)],
  updateWarehouse: (ns) => [kargoCheck('update', 'warehouses', ns)],
  deleteWarehouse: (ns) => [kargoCheck('delete', 'warehouses', ns)],
  createStage: (ns) => [kargoCheck('create', 'stages', ns)],
  updateStage: (ns) => [kargoCheck('update', 'stages', ns)],
  updateProjectConfig: (ns) => [
    kargoCheck('create', 'projectconfigs', ns),
    kargoCheck('update', 'projectconfigs', ns, ns),
  ],
  deleteProject: (ns) => [cluster('delete', 'projects', ns)],
  readCredentials: (ns) => [core('list', 'secrets', ns)],
  manageCredentials: (ns) => [
    core('create', 'secrets', ns),
    core('update', 'secrets', ns),
    core('delete', 'secrets', ns),
  ],
  managePromotionTasks: (ns) => [
    kargoCheck('create', 'promotiontasks', ns),
    kargoCheck('update', 'promotiontasks', ns),
  ],
  manageConfigMaps: (ns) => [core('create', 'configmaps', ns), core('update', 'configmaps', ns)],
};

const CLUSTER_CHECKS: Record<ClusterAction, (shared: string) => AccessCheck[]> = {
  createProject: () => [cluster('create', 'projects')],
  updateClusterConfig: () => [
    cluster('create', 'clusterconfigs'),
    cluster('update', 'clusterconfigs'),
  ],
  manageClusterPromotionTasks: () => [
    cluster('create', 'clusterpromotiontasks'),
    cluster('update', 'clusterpromotiontasks'),
  ],
  readSharedCredentials: (shared) => [core('list', 'secrets', shared)],
  manageSharedCredentials: (shared) => [
    core('create', 'secrets', shared),
    core('update', 'secrets', shared),
    core('delete', 'secrets', shared),
  ],
};

type Review = (check: AccessCheck) => Promise<AccessDecision>;

/** Reviews in flight at once for one answer: enough to keep Kubernetes busy, not to flood it. */
const IN_FLIGHT = 8;

/**
 * Asks each distinct check once per answer (`create promotions` is behind every stage's
 * promote), at most IN_FLIGHT at a time, so one big project's answer neither repeats work nor
 * crowds out every other request of the BFF while it runs. A check on one named object first
 * asks the same check for every name in the namespace: when Kubernetes allows that, it allows
 * each name, so a promoter of all stages costs a few reviews, not a few per stage. Only when the
 * wide check is refused (a role limited to some names, or none) is the name itself asked.
 */
function reviewer(caller: Caller): Review {
  const asked = new Map<string, Promise<AccessDecision>>();
  const waiting: (() => void)[] = [];
  let running = 0;
  const slot = async () => {
    if (running >= IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
  };
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };
  const ask = (check: AccessCheck) => {
    const key = JSON.stringify(check);
    let decision = asked.get(key);
    if (!decision) {
      decision = slot().then(() => caller.authorize(check).finally(release));
      asked.set(key, decision);
    }
    return decision;
  };
  return async (check) => {
    if (check.name === undefined) return ask(check);
    const { name: _one, ...everyName } = check;
    const wide = await ask(everyName);
    return wide.allowed ? wide : ask(check);
  };
}

async function decide(review: Review, rule: Rule): Promise<CapabilityDecision> {
  if (!Array.isArray(rule)) return onBehalfRefusal(rule.onBehalf, await review(rule.check));
  for (const check of rule) {
    const d = await review(check);
    if (!d.allowed) return { allowed: false, reason: d.reason };
  }
  return { allowed: true };
}

async function decideAll<A extends string>(
  review: Review,
  actions: readonly A[],
  checks: (a: A) => Rule,
): Promise<Record<A, CapabilityDecision>> {
  return Object.fromEntries(
    await Promise.all(actions.map(async (a) => [a, await decide(review, checks(a))] as const)),
  ) as Record<A, CapabilityDecision>;
}

/** The rule for every name at once: what the reviewer asks first for a named check. */
function forEveryName(rule: Rule): Rule {
  const wide = ({ name: _one, ...everyName }: AccessCheck): AccessCheck => everyName;
  return Array.isArray(rule) ? rule.map(wide) : { ...rule, check: wide(rule.check) };
}

/**
 * The caller's answers for every stage action on `stages`. An action whose checks Kubernetes
 * allows for every name in the namespace is allowed on each stage without asking per stage (the
 * reviewer would answer each name from that same wide check); only refused actions are asked
 * stage by stage. Kargo refuses some promotions whoever asks: those say so, whatever Kubernetes
 * allows.
 */
async function stageDecisions(
  review: Review,
  ns: string,
  stages: readonly Stage[],
): Promise<Capabilities['stages']> {
  const actions = StageActionSchema.options;
  const everyName = await decideAll(review, actions, (a) => forEveryName(STAGE_CHECKS[a](ns, '')));
  const perStage = new Map<string, Partial<Record<StageAction, CapabilityDecision>>>();
  await Promise.all(
    actions
      .filter((a) => !everyName[a].allowed)
      .flatMap((a) =>
        stages.map(async (s) => {
          const name = s.metadata.name;
          const d = await decide(review, STAGE_CHECKS[a](ns, name));
          let decisions = perStage.get(name);
          if (!decisions) perStage.set(name, (decisions = {}));
          decisions[a] = d;
        }),
      ),
  );
  const refusals = new Map(stages.map((s) => [s.metadata.name, promotionRefusal(s)]));
  return compactStageCapabilities(
    stages.map((s) => s.metadata.name),
    (stage, action) => {
      const refusal = action === 'promote' ? refusals.get(stage) : undefined;
      if (refusal) return { allowed: false, reason: refusal };
      return perStage.get(stage)?.[action] ?? everyName[action];
    },
  );
}

/** Asks Kubernetes about every action; decisions are as the caller, never a table of our own. */
export async function capabilitiesOf(
  caller: Caller,
  r: ProjectReader,
  onlyStages?: readonly string[],
): Promise<Capabilities> {
  const only = onlyStages ? new Set(onlyStages) : undefined;
  const ns = r.project;
  const review = reviewer(caller);
  const [projectActions, stages] = await Promise.all([
    decideAll(review, ProjectActionSchema.options, (a) => PROJECT_CHECKS[a](ns)),
    stageDecisions(
      review,
      ns,
      r.list('stages').filter((s) => !only || only.has(s.metadata.name)),
    ),
  ]);
  return { project: ns, actor: caller.actor, projectActions, stages };
}

/** What the caller may do outside projects: create projects, cluster config, shared credentials. */
export async function clusterCapabilitiesOf(
  caller: Caller,
  sharedNamespace: string,
): Promise<ClusterCapabilities> {
  const actions = await decideAll(reviewer(caller), ClusterActionSchema.options, (a) =>
    CLUSTER_CHECKS[a](sharedNamespace),
  );
  return { actor: caller.actor, sharedNamespace, actions };
}
