import { isDeepStrictEqual } from 'node:util';
import {
  ANNOTATIONS,
  KARGO_API_VERSION,
  KARGO_GROUP,
  LABELS,
  PROMOTE_VERB,
  promotionCreatedEvent,
  type Freight,
  type Promotion,
  type PromotionTask,
  type Stage,
} from '@wharf/shared';
import { availability } from '../freight/availability.js';
import { userMay } from '../kube/access-review.js';
import type { KubeClients } from '../kube/clients.js';
import type { EventRecorder } from '../kube/events.js';
import type { KargoApi } from '../kube/kargo-api.js';
import { buildPromotionSteps, StepBuildError } from '../promotion/build-steps.js';
import { promotionName } from '../promotion/promotion-name.js';
import { actorFor, type ControlPlaneTest } from './actor.js';
import type { AdmissionHook, AdmissionRequest } from './hook-types.js';
import { newestAvailableFreight } from './origin-freight.js';
import { allow, guard, Refusal } from './responses.js';
import { updateHolds } from './holds.js';

// Promotions created by origin (name → true) between mutate and validate, for hold release.
const byOrigin = new Map<string, boolean>();

export interface PromotionHookDeps {
  api: KargoApi;
  clients: KubeClients;
  now: () => Date;
  /** Whose claimed actor is kept (Kargo's CONTROLPLANE_USER_REGEX, and system:masters). */
  isControlPlane: ControlPlaneTest;
  record: EventRecorder;
}

const asPromotion = (o: Record<string, unknown> | undefined): Promotion => {
  if (!o || typeof o.spec !== 'object')
    throw new Refusal(400, 'the request carries no Promotion with a spec');
  return o as unknown as Promotion;
};

async function loadStage(d: PromotionHookDeps, ns: string, name: string): Promise<Stage> {
  const stage = await d.api.get<Stage>('Stage', ns, name);
  if (!stage)
    throw new Refusal(404, `Stage "${name}" not found in namespace "${ns}"`, 'spec.stage');
  return stage;
}

async function resolveFreight(
  d: PromotionHookDeps,
  p: Promotion,
  stage: Stage,
  ns: string,
): Promise<Freight> {
  if (p.spec.freight) {
    const f = await d.api.get<Freight>('Freight', ns, p.spec.freight);
    if (!f)
      throw new Refusal(
        404,
        `Freight "${p.spec.freight}" not found in namespace "${ns}"`,
        'spec.freight',
      );
    return f;
  }
  if (!p.spec.origin)
    throw new Refusal(422, 'set exactly one of spec.freight or spec.origin', 'spec.freight');
  const f = await newestAvailableFreight(d.api, stage, p.spec.origin, d.now());
  if (!f)
    throw new Refusal(
      404,
      `no Freight from ${p.spec.origin.kind} "${p.spec.origin.name}" is available to Stage "${stage.metadata.name}"`,
      'spec.origin',
    );
  return f;
}

async function mutateCreate(d: PromotionHookDeps, req: AdmissionRequest) {
  const ns = req.namespace ?? '';
  const p = asPromotion(req.object);
  const stage = await loadStage(d, ns, p.spec.stage);
  const template = stage.spec.promotionTemplate?.spec;
  if (!template?.steps?.length)
    throw new Refusal(
      422,
      `Stage "${stage.metadata.name}" in namespace "${ns}" defines no promotion steps`,
      'spec.stage',
    );
  const freight = await resolveFreight(d, p, stage, ns);
  const lookup = (ref: { name: string; kind?: string }) =>
    ref.kind === 'ClusterPromotionTask'
      ? d.api.get<PromotionTask>('ClusterPromotionTask', undefined, ref.name)
      : d.api.get<PromotionTask>('PromotionTask', ns, ref.name);
  let steps;
  try {
    steps = await buildPromotionSteps(template.steps, lookup);
  } catch (err) {
    if (err instanceof StepBuildError) throw new Refusal(422, err.message, 'spec.steps');
    throw err;
  }
  const annotations = { ...p.metadata.annotations };
  annotations[ANNOTATIONS.createActor] = actorFor(
    req.userInfo,
    annotations[ANNOTATIONS.createActor],
    d.isControlPlane,
  );
  const name = promotionName(stage.metadata.name, freight.metadata.name, d.now().getTime());
  const promo: Promotion = {
    ...p,
    metadata: {
      ...p.metadata,
      name,
      labels: { ...p.metadata.labels, [LABELS.stage]: stage.metadata.name },
      annotations,
      ownerReferences: [
        {
          apiVersion: KARGO_API_VERSION,
          kind: 'Stage',
          name: stage.metadata.name,
          uid: stage.metadata.uid ?? '',
          blockOwnerDeletion: false,
        },
      ],
    },
    spec: {
      stage: p.spec.stage,
      freight: freight.metadata.name,
      vars: [...(stage.spec.vars ?? []), ...(template.vars ?? [])],
      steps,
    },
  };
  delete promo.metadata.generateName;
  byOrigin.set(name, !p.spec.freight);
  setTimeout(() => byOrigin.delete(name), 60_000).unref();
  return allow(promo);
}

async function validateCreate(d: PromotionHookDeps, req: AdmissionRequest) {
  const ns = req.namespace ?? '';
  const p = asPromotion(req.object);
  const stage = await loadStage(d, ns, p.spec.stage);
  const freight = await resolveFreight(d, p, stage, ns);
  const may = await userMay(d.clients, req.userInfo, {
    verb: PROMOTE_VERB,
    resource: 'stages',
    name: stage.metadata.name,
    namespace: ns,
  });
  if (!may)
    throw new Refusal(
      403,
      `user "${req.userInfo.username}" may not promote to Stage "${stage.metadata.name}": it needs the "promote" verb on stages/${stage.metadata.name}`,
    );
  const a = availability(freight, stage, d.now());
  if (!a.available) throw new Refusal(403, a.message, 'spec.freight');
  if (!req.dryRun) {
    const actor =
      p.metadata.annotations?.[ANNOTATIONS.createActor] ?? actorFor(req.userInfo, undefined);
    await updateHolds(d.api, stage, p, byOrigin.get(p.metadata.name) ?? false, actor, d.now());
    // As Kargo's webhook: the control plane records its own PromotionCreated (naming the person
    // it acts for); anyone else's is recorded here, naming the Kubernetes user.
    if (!d.isControlPlane(req.userInfo)) {
      const by = actorFor(req.userInfo, undefined, d.isControlPlane);
      const message = `Promotion created for Stage "${stage.metadata.name}" by "${by}"`;
      await d.record(promotionCreatedEvent(p, freight, by, message, 'webhook'));
    }
  }
  return allow();
}

/** The abort annotation records who asked: `{"action":"terminate","actor":…}`. */
function mutateUpdate(d: PromotionHookDeps, req: AdmissionRequest) {
  const p = asPromotion(req.object);
  const old = asPromotion(req.oldObject);
  const raw = p.metadata.annotations?.[ANNOTATIONS.abort];
  if (!raw || raw === old.metadata.annotations?.[ANNOTATIONS.abort]) return allow();
  let parsed: { action?: string; actor?: string } = {};
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v === 'object' && v !== null) parsed = v as typeof parsed;
  } catch {
    parsed = { action: raw };
  }
  const value = JSON.stringify({
    action: parsed.action ?? 'terminate',
    actor: actorFor(req.userInfo, parsed.actor, d.isControlPlane),
  });
  return allow({
    ...p,
    metadata: {
      ...p.metadata,
      annotations: { ...p.metadata.annotations, [ANNOTATIONS.abort]: value },
    },
  });
}

function validateUpdate(req: AdmissionRequest) {
  if (req.subresource) return allow();
  const p = asPromotion(req.object);
  const old = asPromotion(req.oldObject);
  if (!isDeepStrictEqual(p.spec, old.spec))
    throw new Refusal(
      422,
      "a Promotion's spec is immutable; create a new Promotion instead",
      'spec',
    );
  return allow();
}

export function promotionHook(d: PromotionHookDeps): AdmissionHook {
  return {
    name: 'promotion.kargo.akuity.io',
    matches: (r) =>
      r.group === KARGO_GROUP && r.resource === 'promotions' && r.operation !== 'DELETE',
    mutate: (req) =>
      guard('promotion webhook', async () =>
        req.subresource
          ? allow()
          : req.operation === 'CREATE'
            ? mutateCreate(d, req)
            : mutateUpdate(d, req),
      ),
    validate: (req) =>
      guard('promotion webhook', async () =>
        req.operation === 'CREATE' ? validateCreate(d, req) : validateUpdate(req),
      ),
  };
}
