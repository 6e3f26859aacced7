import {
  ANNOTATIONS,
  freightAvailability,
  KARGO_API_VERSION,
  promotionCreatedEvent,
  promotionRefusal,
  PromotionSchema,
  type Freight,
  type Stage,
} from '@wharf/shared';
import type { ActionResultOf, PromoteRequest } from '@wharf/shared/api';
import { UnprocessableError } from '../errors/http-errors.js';
import type { KubeClient } from '../kube/kube-client.js';
import { kargoPath } from '../kube/paths.js';
import { toPromotionView } from '../views/promotion-view.js';
import { recordKargoEvent, WHARF_EVENT_COMPONENT } from './kargo-events.js';
import {
  freightOrThrow,
  ownWriterAfter,
  requireProject,
  stageOrThrow,
  type ActionContext,
} from './action-context.js';

/** Refuses, as Kargo does, freight the stage may not take yet. */
export function assertAvailable(ctx: ActionContext, freight: Freight, stage: Stage): void {
  const a = freightAvailability(freight, stage, ctx.now(), ctx.reader.list('stages'));
  if (!a.available) {
    const label = freight.alias
      ? `${freight.alias} (${freight.metadata.name})`
      : freight.metadata.name;
    throw new UnprocessableError(
      `Freight ${label} is not available to stage "${stage.metadata.name}": ${a.message}`,
    );
  }
}

/**
 * Creates the Promotion Kargo's API creates, as Kargo's API server does: with `writer`, Wharf's
 * own identity, after the `promote` check. `generateName: <stage>.`, the target, the caller as
 * `create-actor` (Kargo's webhook keeps it only from a writer its CONTROLPLANE_USER_REGEX
 * matches), and the stage template's steps and vars (the CRD requires steps; Kargo's webhook then
 * sets the final name and labels).
 */
export async function createPromotion(
  ctx: ActionContext,
  writer: KubeClient,
  stage: Stage,
  target: { freight: string } | { origin: { kind: string; name: string } },
) {
  const template = stage.spec.promotionTemplate?.spec;
  const created = await writer.create(kargoPath('promotions', ctx.reader.project), {
    apiVersion: KARGO_API_VERSION,
    kind: 'Promotion',
    metadata: {
      generateName: `${stage.metadata.name}.`,
      namespace: ctx.reader.project,
      annotations: { [ANNOTATIONS.createActor]: ctx.caller.actor },
    },
    spec: {
      stage: stage.metadata.name,
      ...target,
      ...(template?.vars ? { vars: template.vars } : {}),
      steps: template?.steps ?? [],
    },
  });
  const promotion = PromotionSchema.parse(created);
  // Kargo's webhook records PromotionCreated itself, naming Wharf, when it did not keep the
  // person Wharf named (Wharf is outside its CONTROLPLANE_USER_REGEX); else it is Wharf's to say.
  if (promotion.metadata.annotations?.[ANNOTATIONS.createActor] === ctx.caller.actor) {
    const freight = ctx.reader.get('freight', promotion.spec.freight ?? '');
    const by = ctx.caller.actor;
    const message = `Promotion created for Stage "${stage.metadata.name}" by "${by}"`;
    await recordKargoEvent(
      ctx,
      promotionCreatedEvent(promotion, freight, by, message, WHARF_EVENT_COMPONENT),
    );
  }
  return toPromotionView(promotion, ctx.reader.viewContext());
}

export async function promote(
  ctx: ActionContext,
  stageName: string,
  req: PromoteRequest,
): Promise<ActionResultOf<'promote'>> {
  requireProject(ctx);
  const stage = stageOrThrow(ctx, stageName);
  const writer = await ownWriterAfter(ctx, 'promote', stageName);
  const refusal = promotionRefusal(stage);
  if (refusal) throw new UnprocessableError(refusal);
  if ('origin' in req) {
    const requested = stage.spec.requestedFreight.find((r) => r.origin.name === req.origin);
    if (!requested) {
      throw new UnprocessableError(
        `Stage "${stageName}" does not take freight from warehouse "${req.origin}".`,
      );
    }
    const origin = { kind: requested.origin.kind, name: requested.origin.name };
    return { action: 'promote', promotion: await createPromotion(ctx, writer, stage, { origin }) };
  }
  const freight = freightOrThrow(ctx, 'freight' in req ? req.freight : req.freightAlias);
  assertAvailable(ctx, freight, stage);
  const promotion = await createPromotion(ctx, writer, stage, {
    freight: freight.metadata.name,
  });
  return { action: 'promote', promotion };
}
