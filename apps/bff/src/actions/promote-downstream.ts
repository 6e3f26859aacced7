import type { Freight, Stage } from '@wharf/shared';
import type { ActionResultOf, PromoteDownstreamRequest } from '@wharf/shared/api';
import { UnprocessableError } from '../errors/http-errors.js';
import { toHttp } from '../errors/error-middleware.js';
import {
  freightOrThrow,
  ownWriterAfter,
  requireProject,
  stageOrThrow,
  type ActionContext,
} from './action-context.js';
import { refuseWhenNothingAllowed } from './nothing-allowed.js';
import { assertAvailable, createPromotion } from './promote.js';

/** The freight to pass on: the one named, else the stage's current freight. */
function pickFreight(ctx: ActionContext, stage: Stage, req: PromoteDownstreamRequest): Freight {
  const named = req.freight ?? req.freightAlias;
  if (named) return freightOrThrow(ctx, named);
  const current = Object.values(stage.status?.freightHistory?.[0]?.items ?? {});
  const first = current[0]?.name;
  if (!first) {
    throw new UnprocessableError(`Stage "${stage.metadata.name}" holds no freight to pass on.`);
  }
  return freightOrThrow(ctx, first);
}

/** Stages fed by `source` for this freight's origin that have promotion steps. */
function downstreamOf(ctx: ActionContext, source: string, freight: Freight): Stage[] {
  return ctx.reader
    .list('stages')
    .filter(
      (s) =>
        (s.spec.promotionTemplate?.spec.steps?.length ?? 0) > 0 &&
        s.spec.requestedFreight.some(
          (r) => r.origin.name === freight.origin.name && (r.sources.stages ?? []).includes(source),
        ),
    );
}

/** One Promotion per downstream stage; each stage succeeds or fails on its own. */
export async function promoteDownstream(
  ctx: ActionContext,
  stageName: string,
  req: PromoteDownstreamRequest,
): Promise<ActionResultOf<'promote-downstream'>> {
  requireProject(ctx);
  const stage = stageOrThrow(ctx, stageName);
  const freight = pickFreight(ctx, stage, req);
  if (!freight.status?.verifiedIn?.[stageName]) {
    throw new UnprocessableError(
      `Freight ${freight.alias ?? freight.metadata.name} is not verified in stage "${stageName}" yet, so it cannot go downstream.`,
    );
  }
  const targets = downstreamOf(ctx, stageName, freight);
  if (targets.length === 0) {
    throw new UnprocessableError(
      `No stage with promotion steps takes freight from "${stageName}".`,
    );
  }
  const results = await Promise.all(
    targets.map(async (t) => {
      const name = t.metadata.name;
      try {
        const writer = await ownWriterAfter(ctx, 'promote', name);
        assertAvailable(ctx, freight, t);
        const promotion = await createPromotion(ctx, writer, t, {
          freight: freight.metadata.name,
        });
        return { stage: name, ok: true as const, promotion };
      } catch (err) {
        const e = toHttp(err);
        return { stage: name, ok: false as const, error: { name: e.name, message: e.message } };
      }
    }),
  );
  refuseWhenNothingAllowed(
    results.map((r) => (r.ok ? undefined : r.error)),
    `promote to any stage downstream of "${stageName}"`,
  );
  return { action: 'promote-downstream', results };
}
