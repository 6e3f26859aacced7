import { EVENT_ANNOTATIONS, type Freight } from '@wharf/shared';
import type { EventRecorder } from '../kube/events.js';
import { actorFor } from './actor.js';
import type { AdmissionRequest } from './hook-types.js';

export type ApprovalRecorder = (
  req: AdmissionRequest,
  f: Freight,
  old: Freight | undefined,
) => Promise<void>;

/** Emits `FreightApproved` for each Stage newly added to `status.approvedFor`. */
export function approvalRecorder(record: EventRecorder): ApprovalRecorder {
  return async (req, f, old) => {
    const before = old?.status?.approvedFor ?? {};
    const added = Object.keys(f.status?.approvedFor ?? {}).filter((s) => !(s in before));
    const actor = actorFor(req.userInfo, undefined);
    for (const stage of added) {
      await record({
        involved: {
          kind: 'Freight',
          name: f.metadata.name,
          namespace: f.metadata.namespace ?? req.namespace ?? '',
          uid: f.metadata.uid,
        },
        reason: 'FreightApproved',
        message: `Freight "${f.metadata.name}" approved for Stage "${stage}"`,
        component: 'api',
        annotations: {
          [EVENT_ANNOTATIONS.project]: req.namespace ?? '',
          [EVENT_ANNOTATIONS.actor]: actor,
          [EVENT_ANNOTATIONS.freightName]: f.metadata.name,
          [EVENT_ANNOTATIONS.freightAlias]: f.alias ?? '',
          [EVENT_ANNOTATIONS.stageName]: stage,
          ...(f.metadata.creationTimestamp
            ? { [EVENT_ANNOTATIONS.freightCreateTime]: f.metadata.creationTimestamp }
            : {}),
        },
      });
    }
  };
}
