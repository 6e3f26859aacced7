import { z } from 'zod';

/** Kubernetes' answer to "may the caller do this?", with the reason shown beside a disabled control. */
export const CapabilityDecisionSchema = z.union([
  z.object({ allowed: z.literal(true) }),
  z.object({ allowed: z.literal(false), reason: z.string() }),
]);
export type CapabilityDecision = z.infer<typeof CapabilityDecisionSchema>;

export const StageActionSchema = z.enum([
  'promote',
  'promoteDownstream',
  'approve',
  'refresh',
  'reverify',
  'abortVerification',
  'delete',
]);
export type StageAction = z.infer<typeof StageActionSchema>;

export const ProjectActionSchema = z.enum([
  'refreshWarehouse',
  'aliasFreight',
  'requestApproval',
  'createFreight',
  'deleteFreight',
  'abortPromotion',
  'applyResources',
  'manageRoles',
  'createWarehouse',
  'updateWarehouse',
  'deleteWarehouse',
  'createStage',
  'updateStage',
  'updateProjectConfig',
  'deleteProject',
  'readCredentials',
  'manageCredentials',
  'managePromotionTasks',
  'manageConfigMaps',
]);
export type ProjectAction = z.infer<typeof ProjectActionSchema>;

/** One decision per action of an enum. */
function decisionsFor<A extends string>(actions: readonly A[]) {
  return z.object(
    Object.fromEntries(actions.map((a) => [a, CapabilityDecisionSchema])) as Record<
      A,
      typeof CapabilityDecisionSchema
    >,
  );
}

export const StageCapabilitiesSchema = decisionsFor(StageActionSchema.options);
export type StageCapabilities = z.infer<typeof StageCapabilitiesSchema>;

/**
 * Per-stage answers, compactly: `every` holds for each stage in `names` except where `except`
 * says otherwise. Most callers may do the same to every stage (Kubernetes' roles are mostly per
 * namespace), so 3,000 stages cost a list of names, not 3,000 × 7 decisions.
 */
export const StagesCapabilitiesSchema = z.object({
  /** The stages answered for. */
  names: z.array(z.string()),
  every: StageCapabilitiesSchema,
  /** Stages (among `names`) with a different answer for some actions: only those actions. */
  except: z.record(z.string(), StageCapabilitiesSchema.partial()),
});
export type StagesCapabilities = z.infer<typeof StagesCapabilitiesSchema>;

const answered = new WeakMap<StagesCapabilities, ReadonlySet<string>>();

/** The caller's decision for one action on one stage, or undefined when the stage was not asked. */
export function stageCapability(
  caps: StagesCapabilities,
  stage: string,
  action: StageAction,
): CapabilityDecision | undefined {
  let names = answered.get(caps);
  if (!names) answered.set(caps, (names = new Set(caps.names)));
  if (!names.has(stage)) return undefined;
  return caps.except[stage]?.[action] ?? caps.every[action];
}

const decisionKey = (d: CapabilityDecision) => (d.allowed ? '' : `no:${d.reason}`);

/**
 * The compact form of per-stage answers (`decide(stage, action)`), each action's `every` being
 * the answer most stages got.
 */
export function compactStageCapabilities(
  names: readonly string[],
  decide: (stage: string, action: StageAction) => CapabilityDecision,
): StagesCapabilities {
  const every = {} as StageCapabilities;
  const except: StagesCapabilities['except'] = {};
  for (const action of StageActionSchema.options) {
    const counts = new Map<string, { d: CapabilityDecision; n: number }>();
    const decisions = names.map((stage) => decide(stage, action));
    for (const d of decisions) {
      const k = decisionKey(d);
      const c = counts.get(k);
      if (c) c.n += 1;
      else counts.set(k, { d, n: 1 });
    }
    const common = [...counts.values()].sort((a, b) => b.n - a.n)[0]?.d ?? {
      allowed: false,
      reason: 'No stages.',
    };
    every[action] = common;
    const commonKey = decisionKey(common);
    decisions.forEach((d, i) => {
      const stage = names[i];
      if (stage !== undefined && decisionKey(d) !== commonKey) (except[stage] ??= {})[action] = d;
    });
  }
  return { names: [...names], every, except };
}

/** GET /api/v1/projects/{p}/capabilities: what the signed-in caller may do in a project. */
export const CapabilitiesSchema = z.object({
  project: z.string(),
  actor: z.string(),
  projectActions: decisionsFor(ProjectActionSchema.options),
  stages: StagesCapabilitiesSchema,
});
export type Capabilities = z.infer<typeof CapabilitiesSchema>;

/**
 * `stages` (comma-separated) limits the per-stage answers to those stages, for a view that
 * shows a few stages of many projects (the cockpit): each stage costs Kubernetes questions.
 */
export const CapabilitiesQuerySchema = z.object({
  stages: z
    .string()
    .max(8000)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.string().min(1).max(253)).max(100))
    .optional()
    .describe('Only these stages (comma-separated); all stages when absent'),
});
export type CapabilitiesQuery = z.infer<typeof CapabilitiesQuerySchema>;

/** `project` or `project/stage`: Kubernetes names hold neither `/` nor `,`. */
const PROJECT_OR_STAGE = /^[^/,]{1,253}(\/[^/,]{1,253})?$/;

/**
 * GET /api/v1/capabilities/projects?of=: the cockpit's permissions in one request for every
 * project it shows (instead of one request per project). `of` is comma-separated `project`
 * (its project actions) or `project/stage` (that stage's too).
 */
export const ProjectsCapabilitiesQuerySchema = z.object({
  of: z
    .string()
    .max(32_000)
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(
      z
        .array(z.string().regex(PROJECT_OR_STAGE, 'each entry is `project` or `project/stage`'))
        .min(1)
        .max(500),
    )
    .describe('Comma-separated `project` or `project/stage` entries, at most 500'),
});
export type ProjectsCapabilitiesQuery = z.infer<typeof ProjectsCapabilitiesQuerySchema>;

/** The answer: each project's capabilities, and the projects the caller may not see or that are gone. */
export const ProjectsCapabilitiesSchema = z.object({
  items: z.array(CapabilitiesSchema),
  denied: z.array(z.object({ project: z.string(), message: z.string() })),
});
export type ProjectsCapabilities = z.infer<typeof ProjectsCapabilitiesSchema>;

/** What the caller may do outside any one project. */
export const ClusterActionSchema = z.enum([
  'createProject',
  'updateClusterConfig',
  'manageClusterPromotionTasks',
  'readSharedCredentials',
  'manageSharedCredentials',
]);
export type ClusterAction = z.infer<typeof ClusterActionSchema>;

/** GET /api/v1/capabilities. */
export const ClusterCapabilitiesSchema = z.object({
  actor: z.string(),
  /** Kargo's shared namespace, where shared credentials live. */
  sharedNamespace: z.string(),
  actions: decisionsFor(ClusterActionSchema.options),
});
export type ClusterCapabilities = z.infer<typeof ClusterCapabilitiesSchema>;
