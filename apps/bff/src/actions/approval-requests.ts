import { approvalRequestPatch, approvalRequests, FreightSchema } from '@wharf/shared';
import type { ActionResultOf } from '@wharf/shared/api';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors/http-errors.js';
import { kargoPath } from '../kube/paths.js';
import { toFreightView } from '../views/freight-view.js';
import {
  freightOrThrow,
  nowIso,
  requireProject,
  stageOrThrow,
  writerFor,
  type ActionContext,
} from './action-context.js';

/**
 * Asks for an approval of freight for a stage: recorded in the freight's status metadata (see
 * APPROVAL_REQUESTS_KEY) with a merge patch on the status subresource, as the caller, so it
 * needs what Kubernetes asks of approving itself: `patch freights/status`. Whoever may approve
 * (`promote` on the stage) sees it in the cockpit until it is approved or the stage holds it.
 */
export async function requestApproval(
  ctx: ActionContext,
  freightName: string,
  stageName: string,
): Promise<ActionResultOf<'request-approval'>> {
  requireProject(ctx);
  const freight = freightOrThrow(ctx, freightName);
  const stage = stageOrThrow(ctx, stageName);
  const name = freight.metadata.name;
  const label = freight.alias ?? name;
  if (!stage.spec.requestedFreight.some((r) => r.origin.name === freight.origin.name)) {
    throw new UnprocessableError(
      `Stage "${stageName}" does not take freight from warehouse "${freight.origin.name}", so approving ${label} for it would do nothing.`,
    );
  }
  if (freight.status?.approvedFor?.[stageName])
    throw new ConflictError(`Freight ${label} is already approved for stage "${stageName}".`);
  if (freight.status?.currentlyIn?.[stageName])
    throw new ConflictError(`Stage "${stageName}" already holds freight ${label}.`);
  if (approvalRequests(freight).some((r) => r.stage === stageName))
    return { action: 'request-approval', freight: toFreightView(freight) };
  const writer = await writerFor(ctx, 'patch', 'freights', name, 'status');
  const patched = await writer.mergePatch(
    kargoPath('freights', ctx.reader.project, name, 'status'),
    approvalRequestPatch(stageName, { actor: ctx.caller.actor, requestedAt: nowIso(ctx) }),
  );
  return { action: 'request-approval', freight: toFreightView(FreightSchema.parse(patched)) };
}

/** Withdraws a request (the same permission as making one). */
export async function withdrawApprovalRequest(
  ctx: ActionContext,
  freightName: string,
  stageName: string,
): Promise<ActionResultOf<'withdraw-approval-request'>> {
  requireProject(ctx);
  const freight = freightOrThrow(ctx, freightName);
  const name = freight.metadata.name;
  if (!approvalRequests(freight).some((r) => r.stage === stageName)) {
    throw new NotFoundError(
      `Nobody asked for freight ${freight.alias ?? name} to be approved for stage "${stageName}".`,
    );
  }
  const writer = await writerFor(ctx, 'patch', 'freights', name, 'status');
  const patched = await writer.mergePatch(
    kargoPath('freights', ctx.reader.project, name, 'status'),
    approvalRequestPatch(stageName, null),
  );
  return {
    action: 'withdraw-approval-request',
    freight: toFreightView(FreightSchema.parse(patched)),
  };
}
