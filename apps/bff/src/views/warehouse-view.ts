import { ANNOTATIONS, warehouseHealth, type RepoSubscription, type Warehouse } from '@wharf/shared';
import type { SubscriptionView, WarehouseView } from '@wharf/shared/api';
import { conditionsOf, defined, metaBase, refreshState } from './common.js';

function subscriptionView(sub: RepoSubscription): SubscriptionView {
  if (sub.git) {
    const detail = sub.git.branch ?? sub.git.semverConstraint ?? sub.git.commitSelectionStrategy;
    return { type: 'git', repoURL: sub.git.repoURL, ...defined({ detail }) };
  }
  if (sub.image) {
    const detail =
      sub.image.constraint ?? sub.image.semverConstraint ?? sub.image.imageSelectionStrategy;
    return { type: 'image', repoURL: sub.image.repoURL, ...defined({ detail }) };
  }
  if (sub.chart) {
    return {
      type: 'chart',
      repoURL: sub.chart.repoURL,
      ...defined({ name: sub.chart.name, detail: sub.chart.semverConstraint }),
    };
  }
  // A generic subscription: its name and type say what it is; its config stays opaque.
  if (sub.subscription)
    return {
      type: 'other',
      name: sub.subscription.name ?? 'subscription',
      ...defined({ detail: sub.subscription.subscriptionType }),
    };
  return { type: 'other', ...defined({ name: Object.keys(sub)[0] }) };
}

export function toWarehouseView(w: Warehouse): WarehouseView {
  const health = warehouseHealth(w);
  return {
    ...metaBase(w.metadata),
    ...defined({ description: w.metadata.annotations?.[ANNOTATIONS.description] }),
    interval: w.spec.interval ?? '5m0s',
    freightCreationPolicy: w.spec.freightCreationPolicy ?? 'Automatic',
    subscriptions: w.spec.subscriptions.map(subscriptionView),
    health: health.state,
    ...defined({
      message: health.message,
      lastFreightID: w.status?.lastFreightID,
      discoveredAt: w.status?.discoveredArtifacts?.discoveredAt,
    }),
    conditions: conditionsOf(w.status?.conditions),
    refresh: refreshState(w.metadata, w.status?.lastHandledRefresh),
  };
}
