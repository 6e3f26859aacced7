import { EVENT_ANNOTATIONS, type KubeEvent } from '@wharf/shared';
import type { EventView } from '@wharf/shared/api';
import { defined } from './common.js';

export function eventTime(e: KubeEvent): string | undefined {
  return e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp;
}

export function toEventView(e: KubeEvent): EventView {
  const a = e.metadata.annotations ?? {};
  return {
    name: e.metadata.name,
    project: e.metadata.namespace ?? '',
    uid: e.metadata.uid ?? '',
    type: e.type ?? 'Normal',
    reason: e.reason ?? '',
    message: e.message ?? '',
    count: e.count ?? 1,
    involvedObject: { kind: e.involvedObject.kind ?? '', name: e.involvedObject.name ?? '' },
    ...defined({
      time: eventTime(e),
      actor: a[EVENT_ANNOTATIONS.actor],
      stage: a[EVENT_ANNOTATIONS.stageName],
      freight: a[EVENT_ANNOTATIONS.freightName],
      freightAlias: a[EVENT_ANNOTATIONS.freightAlias],
      promotion: a[EVENT_ANNOTATIONS.promotionName],
    }),
  };
}

export function compareEventNewestFirst(a: KubeEvent, b: KubeEvent): number {
  const ta = eventTime(a) ?? '';
  const tb = eventTime(b) ?? '';
  return ta === tb ? b.metadata.name.localeCompare(a.metadata.name) : ta < tb ? 1 : -1;
}
