import { freightApprovedEvent, type Freight } from '@wharf/shared';
import type { EventRecorder } from '../kube/events.js';
import { actorFor, type ControlPlaneTest } from './actor.js';
import type { AdmissionRequest } from './hook-types.js';

export type ApprovalRecorder = (
  req: AdmissionRequest,
  f: Freight,
  old: Freight | undefined,
) => Promise<void>;

/**
 * Emits `FreightApproved` for each Stage newly added to `status.approvedFor`, as Kargo's webhook
 * does: only for approvals from outside the control plane, which records its own (naming the
 * person it acts for).
 */
export function approvalRecorder(
  record: EventRecorder,
  isControlPlane: ControlPlaneTest,
): ApprovalRecorder {
  return async (req, f, old) => {
    if (isControlPlane(req.userInfo)) return;
    const before = old?.status?.approvedFor ?? {};
    const added = Object.keys(f.status?.approvedFor ?? {}).filter((s) => !(s in before));
    const actor = actorFor(req.userInfo, undefined, isControlPlane);
    const named = {
      ...f,
      metadata: { ...f.metadata, namespace: f.metadata.namespace ?? req.namespace },
    };
    for (const stage of added)
      await record(
        freightApprovedEvent(
          named,
          stage,
          actor,
          `Freight approved for Stage "${stage}" by "${actor}"`,
          'webhook',
        ),
      );
  };
}
