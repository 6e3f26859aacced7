import { EVENT_ANNOTATIONS, KARGO_API_VERSION, type KargoEventReason } from './constants.js';
import type { KubeEvent } from './event.js';
import type { Freight } from './freight.js';
import type { Promotion } from './promotion.js';

/** What a Kargo Event says, before it becomes a core/v1 Event. */
export interface KargoEventSpec {
  involved: {
    kind: 'Promotion' | 'Freight' | 'Stage' | 'Warehouse';
    name: string;
    namespace: string;
    uid?: string | undefined;
  };
  reason: KargoEventReason;
  message: string;
  /** `event.kargo.akuity.io/*`: the project is added from the namespace. */
  annotations: Record<string, string>;
  /** Which part of Kargo reports it (`api`, `promotion-controller`, …). */
  component: string;
  type?: 'Normal' | 'Warning';
}

/** The core/v1 Event Kargo's recorder writes: reason = Kargo's event type, details in annotations. */
export function kubeEventOf(
  e: KargoEventSpec,
  at: string,
  id: { name: string; uid?: string },
): KubeEvent {
  const ns = e.involved.namespace;
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {
      name: id.name,
      namespace: ns,
      ...(id.uid ? { uid: id.uid, creationTimestamp: at } : {}),
      annotations: { [EVENT_ANNOTATIONS.project]: ns, ...e.annotations },
    },
    involvedObject: {
      apiVersion: KARGO_API_VERSION,
      kind: e.involved.kind,
      name: e.involved.name,
      namespace: ns,
      ...(e.involved.uid ? { uid: e.involved.uid } : {}),
    },
    reason: e.reason,
    message: e.message,
    type: e.type ?? 'Normal',
    source: { component: e.component },
    reportingComponent: e.component,
    firstTimestamp: at,
    lastTimestamp: at,
    count: 1,
  };
}

/** The object an Event is about. */
export function involvedOf(
  kind: KargoEventSpec['involved']['kind'],
  o: { metadata: { name: string; namespace?: string | undefined; uid?: string | undefined } },
): KargoEventSpec['involved'] {
  return {
    kind,
    name: o.metadata.name,
    namespace: o.metadata.namespace ?? '',
    uid: o.metadata.uid,
  };
}

/** A freight's part of an Event's annotations, as Kargo's `event.Freight` marshals it. */
export function freightEventAnnotations(f: Freight | undefined): Record<string, string> {
  if (!f) return {};
  return {
    [EVENT_ANNOTATIONS.freightName]: f.metadata.name,
    ...(f.alias ? { [EVENT_ANNOTATIONS.freightAlias]: f.alias } : {}),
    ...(f.metadata.creationTimestamp
      ? { [EVENT_ANNOTATIONS.freightCreateTime]: f.metadata.creationTimestamp }
      : {}),
    [EVENT_ANNOTATIONS.freightWarehouseName]: f.origin.name,
    ...(f.commits?.length ? { [EVENT_ANNOTATIONS.freightCommits]: JSON.stringify(f.commits) } : {}),
    ...(f.images?.length ? { [EVENT_ANNOTATIONS.freightImages]: JSON.stringify(f.images) } : {}),
    ...(f.charts?.length ? { [EVENT_ANNOTATIONS.freightCharts]: JSON.stringify(f.charts) } : {}),
  };
}

/**
 * PromotionCreated, which Kargo records for whoever created the Promotion: its API server (and
 * so Wharf) for a person, its stage controller for an auto-promotion, its webhook for anyone
 * outside the control plane.
 */
export function promotionCreatedEvent(
  p: Promotion,
  f: Freight | undefined,
  actor: string,
  message: string,
  component: string,
): KargoEventSpec {
  return {
    involved: involvedOf('Promotion', p),
    reason: 'PromotionCreated',
    message,
    component,
    annotations: {
      ...freightEventAnnotations(f),
      [EVENT_ANNOTATIONS.actor]: actor,
      [EVENT_ANNOTATIONS.promotionName]: p.metadata.name,
      [EVENT_ANNOTATIONS.stageName]: p.spec.stage,
      ...(p.metadata.creationTimestamp
        ? { [EVENT_ANNOTATIONS.promotionCreateTime]: p.metadata.creationTimestamp }
        : {}),
    },
  };
}

/** FreightApproved, recorded by whoever approved (Kargo's API server, or its webhook). */
export function freightApprovedEvent(
  f: Freight,
  stage: string,
  actor: string,
  message: string,
  component: string,
): KargoEventSpec {
  return {
    involved: involvedOf('Freight', f),
    reason: 'FreightApproved',
    message,
    component,
    annotations: {
      ...freightEventAnnotations(f),
      [EVENT_ANNOTATIONS.actor]: actor,
      [EVENT_ANNOTATIONS.stageName]: stage,
    },
  };
}
