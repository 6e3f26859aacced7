import {
  ANNOTATIONS,
  isTerminalPromotionPhase,
  isTerminalVerificationPhase,
  PromotionSchema,
  StageSchema,
  WarehouseSchema,
} from '@wharf/shared';
import type { ActionResultOf } from '@wharf/shared/api';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors/http-errors.js';
import { KubeApiError } from '../kube/kube-api-error.js';
import { kargoPath } from '../kube/paths.js';
import { toPromotionView } from '../views/promotion-view.js';
import { toStageView } from '../views/stage-view.js';
import { toWarehouseView } from '../views/warehouse-view.js';
import {
  nowIso,
  ownWriterAfter,
  requireProject,
  stageOrThrow,
  type ActionContext,
} from './action-context.js';

function annotate(values: Record<string, string>) {
  return { metadata: { annotations: values } };
}

export async function refreshWarehouse(
  ctx: ActionContext,
  name: string,
): Promise<ActionResultOf<'refresh-warehouse'>> {
  requireProject(ctx);
  if (!ctx.reader.get('warehouses', name)) {
    throw new NotFoundError(`There is no warehouse "${name}" in project "${ctx.reader.project}".`);
  }
  const writer = await ownWriterAfter(ctx, 'refreshWarehouse', name);
  const requestedAt = nowIso(ctx);
  const patched = await writer.mergePatch(
    kargoPath('warehouses', ctx.reader.project, name),
    annotate({ [ANNOTATIONS.refresh]: requestedAt }),
  );
  return {
    action: 'refresh-warehouse',
    requestedAt,
    warehouse: toWarehouseView(WarehouseSchema.parse(patched)),
  };
}

/** Refreshes the stage and, as Kargo's API server does, the promotion it is running now. */
export async function refreshStage(
  ctx: ActionContext,
  name: string,
): Promise<ActionResultOf<'refresh-stage'>> {
  requireProject(ctx);
  stageOrThrow(ctx, name);
  const writer = await ownWriterAfter(ctx, 'refreshStage', name);
  const requestedAt = nowIso(ctx);
  const patched = await writer.mergePatch(
    kargoPath('stages', ctx.reader.project, name),
    annotate({ [ANNOTATIONS.refresh]: requestedAt }),
  );
  const current = StageSchema.parse(patched).status?.currentPromotion?.name;
  if (current) {
    await writer
      .mergePatch(
        kargoPath('promotions', ctx.reader.project, current),
        annotate({ [ANNOTATIONS.refresh]: requestedAt }),
      )
      // A promotion that finished and was deleted since has nothing left to refresh.
      .catch((err: unknown) => {
        if (!(err instanceof KubeApiError && err.status === 404)) throw err;
      });
  }
  const stage = toStageView(StageSchema.parse(patched), ctx.reader.viewContext());
  return { action: 'refresh-stage', requestedAt, stage };
}

export async function abortPromotion(
  ctx: ActionContext,
  name: string,
): Promise<ActionResultOf<'abort-promotion'>> {
  requireProject(ctx);
  const promotion = ctx.reader.get('promotions', name);
  if (!promotion) {
    throw new NotFoundError(`There is no promotion "${name}" in project "${ctx.reader.project}".`);
  }
  if (isTerminalPromotionPhase(promotion.status?.phase)) {
    throw new ConflictError(
      `Promotion "${name}" already finished (${promotion.status?.phase}); there is nothing to abort.`,
    );
  }
  const writer = await ownWriterAfter(ctx, 'abortPromotion', name);
  const value = JSON.stringify({ action: 'terminate', actor: ctx.caller.actor });
  const patched = await writer.mergePatch(
    kargoPath('promotions', ctx.reader.project, name),
    annotate({ [ANNOTATIONS.abort]: value }),
  );
  const view = toPromotionView(PromotionSchema.parse(patched), ctx.reader.viewContext());
  return { action: 'abort-promotion', promotion: view };
}

/** Reverify (`kargo.akuity.io/reverify`) or abort (`kargo.akuity.io/abort`) the current verification. */
export async function verificationAction<K extends 'reverify' | 'abort-verification'>(
  ctx: ActionContext,
  stageName: string,
  kind: K,
): Promise<ActionResultOf<K>> {
  requireProject(ctx);
  const stage = stageOrThrow(ctx, stageName);
  const current = stage.status?.freightHistory?.[0]?.verificationHistory?.[0];
  if (!current?.id) {
    throw new UnprocessableError(`Stage "${stageName}" has no verification to act on yet.`);
  }
  const running = !isTerminalVerificationPhase(current.phase);
  if (kind === 'abort-verification' && !running) {
    throw new ConflictError(
      `The verification of stage "${stageName}" already finished (${current.phase}); there is nothing to abort.`,
    );
  }
  if (kind === 'reverify' && running) {
    throw new ConflictError(`Stage "${stageName}" is verifying right now; wait for it to finish.`);
  }
  const writer = await ownWriterAfter(
    ctx,
    kind === 'reverify' ? 'reverify' : 'abortVerification',
    stageName,
  );
  const key = kind === 'reverify' ? ANNOTATIONS.reverify : ANNOTATIONS.abort;
  const value = JSON.stringify({ id: current.id, actor: ctx.caller.actor });
  const patched = await writer.mergePatch(
    kargoPath('stages', ctx.reader.project, stageName),
    annotate({ [key]: value }),
  );
  const view = toStageView(StageSchema.parse(patched), ctx.reader.viewContext());
  // Both results share one shape, tagged by the action that was asked for.
  return { action: kind, stage: view } as ActionResultOf<K>;
}
