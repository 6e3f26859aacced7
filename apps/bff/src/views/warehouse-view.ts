import { ANNOTATIONS, findCondition, type RepoSubscription, type Warehouse } from '@wharf/shared';
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
  const type = Object.keys(sub)[0];
  return { type: 'other', ...defined({ name: type }) };
}

function health(w: Warehouse): WarehouseView['health'] {
  const reconciling = findCondition(w.status, 'Reconciling');
  if (reconciling?.status === 'True') return 'Reconciling';
  const ready = findCondition(w.status, 'Ready');
  if (ready?.status === 'True') return 'Healthy';
  if (ready?.status === 'False') return 'Unhealthy';
  return 'Unknown';
}

export function toWarehouseView(w: Warehouse): WarehouseView {
  const ready = findCondition(w.status, 'Ready');
  return {
    ...metaBase(w.metadata),
    ...defined({ description: w.metadata.annotations?.[ANNOTATIONS.description] }),
    interval: w.spec.interval ?? '5m0s',
    freightCreationPolicy: w.spec.freightCreationPolicy ?? 'Automatic',
    subscriptions: w.spec.subscriptions.map(subscriptionView),
    health: health(w),
    ...defined({
      message: ready?.status === 'False' ? ready.message : undefined,
      lastFreightID: w.status?.lastFreightID,
      discoveredAt: w.status?.discoveredArtifacts?.discoveredAt,
    }),
    conditions: conditionsOf(w.status?.conditions),
    refresh: refreshState(w.metadata, w.status?.lastHandledRefresh),
  };
}
