import {
  ANNOTATIONS,
  EVENT_ANNOTATIONS,
  type KargoEventReason,
  type Promotion,
} from '@wharf/shared';
import type { EventRecorder } from '../kube/events.js';

/** Records a Promotion event with Kargo's reason and `event.kargo.akuity.io/*` annotations. */
export async function promotionEvent(
  record: EventRecorder,
  p: Promotion,
  reason: KargoEventReason,
  message: string,
  actor?: string,
  freightAlias?: string,
): Promise<void> {
  const f = p.status?.freight;
  const ns = p.metadata.namespace ?? '';
  await record({
    involved: { kind: 'Promotion', name: p.metadata.name, namespace: ns, uid: p.metadata.uid },
    reason,
    message,
    component: 'promotion-controller',
    annotations: {
      [EVENT_ANNOTATIONS.project]: ns,
      [EVENT_ANNOTATIONS.actor]: actor ?? p.metadata.annotations?.[ANNOTATIONS.createActor] ?? '',
      [EVENT_ANNOTATIONS.promotionName]: p.metadata.name,
      [EVENT_ANNOTATIONS.stageName]: p.spec.stage,
      [EVENT_ANNOTATIONS.freightName]: p.spec.freight ?? '',
      ...(freightAlias ? { [EVENT_ANNOTATIONS.freightAlias]: freightAlias } : {}),
      ...(p.metadata.creationTimestamp
        ? { [EVENT_ANNOTATIONS.promotionCreateTime]: p.metadata.creationTimestamp }
        : {}),
      ...(f?.origin ? { [EVENT_ANNOTATIONS.freightWarehouseName]: f.origin.name } : {}),
      ...(f?.commits ? { [EVENT_ANNOTATIONS.freightCommits]: JSON.stringify(f.commits) } : {}),
      ...(f?.images ? { [EVENT_ANNOTATIONS.freightImages]: JSON.stringify(f.images) } : {}),
    },
  });
}
