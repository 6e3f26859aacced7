import { freightApprovedEvent, FreightSchema, LABELS } from '@wharf/shared';
import type { ActionResultOf, AliasRequest } from '@wharf/shared/api';
import { ConflictError, UnprocessableError } from '../errors/http-errors.js';
import { kargoPath } from '../kube/paths.js';
import { toFreightView } from '../views/freight-view.js';
import { recordKargoEvent, WHARF_EVENT_COMPONENT } from './kargo-events.js';
import {
  freightOrThrow,
  nowIso,
  ownWriterAfter,
  requireProject,
  stageOrThrow,
  writerFor,
  type ActionContext,
} from './action-context.js';

/**
 * Approve, as Kargo's API server does: `promote` on the stage as the caller, then Wharf's own
 * identity merge-patches the freight's status subresource.
 */
export async function approve(
  ctx: ActionContext,
  freightName: string,
  stageName: string,
): Promise<ActionResultOf<'approve'>> {
  requireProject(ctx);
  const freight = freightOrThrow(ctx, freightName);
  const stage = stageOrThrow(ctx, stageName);
  if (!stage.spec.requestedFreight.some((r) => r.origin.name === freight.origin.name)) {
    throw new UnprocessableError(
      `Stage "${stageName}" does not take freight from warehouse "${freight.origin.name}", so it cannot be approved for it.`,
    );
  }
  const writer = await ownWriterAfter(ctx, 'approve', stageName);
  // As Kargo's API server: approving again changes nothing and records nothing.
  if (freight.status?.approvedFor?.[stageName])
    return { action: 'approve', freight: toFreightView(freight) };
  const name = freight.metadata.name;
  const patched = FreightSchema.parse(
    await writer.mergePatch(kargoPath('freights', ctx.reader.project, name, 'status'), {
      status: { approvedFor: { [stageName]: { approvedAt: nowIso(ctx) } } },
    }),
  );
  const by = ctx.caller.actor;
  const message = `Freight approved for Stage "${stageName}" by "${by}"`;
  await recordKargoEvent(
    ctx,
    freightApprovedEvent(patched, stageName, by, message, WHARF_EVENT_COMPONENT),
  );
  return { action: 'approve', freight: toFreightView(patched) };
}

/** Alias: unique in the project; both the field and the label change together. */
export async function setAlias(
  ctx: ActionContext,
  freightName: string,
  req: AliasRequest,
): Promise<ActionResultOf<'alias'>> {
  requireProject(ctx);
  const freight = freightOrThrow(ctx, freightName);
  const name = freight.metadata.name;
  const holder = ctx.reader
    .list('freight')
    .find(
      (f) =>
        f.metadata.name !== name &&
        (f.alias === req.alias || f.metadata.labels?.[LABELS.alias] === req.alias),
    );
  if (holder) {
    throw new ConflictError(
      `The alias "${req.alias}" is already taken by freight ${holder.metadata.name}; choose another.`,
    );
  }
  const writer = await writerFor(ctx, 'patch', 'freights', name);
  const patched = await writer.mergePatch(kargoPath('freights', ctx.reader.project, name), {
    metadata: { labels: { [LABELS.alias]: req.alias } },
    alias: req.alias,
  });
  return { action: 'alias', freight: toFreightView(FreightSchema.parse(patched)) };
}

/** Stages holding the freight now, from its status and from each stage's current collection. */
function holders(ctx: ActionContext, name: string, currentlyIn: string[]): string[] {
  const fromStages = ctx.reader
    .list('stages')
    .filter((s) =>
      Object.values(s.status?.freightHistory?.[0]?.items ?? {}).some((ref) => ref.name === name),
    )
    .map((s) => s.metadata.name);
  return [...new Set([...currentlyIn, ...fromStages])].sort();
}

export async function deleteFreight(
  ctx: ActionContext,
  freightName: string,
): Promise<ActionResultOf<'delete-freight'>> {
  requireProject(ctx);
  const freight = freightOrThrow(ctx, freightName);
  const name = freight.metadata.name;
  const inUse = holders(ctx, name, Object.keys(freight.status?.currentlyIn ?? {}));
  if (inUse.length > 0) {
    throw new ConflictError(
      `Freight ${freight.alias ?? name} is in use by stage ${inUse.map((s) => `"${s}"`).join(', ')}; promote other freight there before deleting it.`,
    );
  }
  const writer = await writerFor(ctx, 'delete', 'freights', name);
  await writer.delete(kargoPath('freights', ctx.reader.project, name));
  return { action: 'delete-freight', freight: toFreightView(freight) };
}
