import type { FreightView, PromotionView, StageView, WarehouseView } from '@wharf/shared/api';

// Small builders of wire views for unit tests of pure web logic.

export function stageView(
  name: string,
  upstream: { origin: string; stages?: string[]; direct?: boolean; soak?: string }[],
  extra: Partial<StageView> = {},
): StageView {
  return {
    name,
    project: 'demo',
    uid: `uid-${name}`,
    resourceVersion: '1',
    phase: 'Ready',
    health: { status: 'Healthy', issues: [] },
    conditions: [],
    requestedFreight: upstream.map((u) => ({
      origin: { kind: 'Warehouse', name: u.origin },
      direct: u.direct ?? false,
      upstreamStages: u.stages ?? [],
      availabilityStrategy: 'OneOf',
      ...(u.soak ? { requiredSoakTime: u.soak } : {}),
    })),
    controlFlow: false,
    argocdApps: [],
    verificationConfigured: false,
    currentFreight: [],
    autoPromotion: { enabled: false, holds: [] },
    refresh: { pending: false },
    ...extra,
  };
}

export function warehouseView(
  name: string,
  repos: string[] = [`ghcr.io/acme/${name}`],
): WarehouseView {
  return {
    name,
    project: 'demo',
    uid: `uid-${name}`,
    resourceVersion: '1',
    interval: '5m0s',
    freightCreationPolicy: 'Automatic',
    subscriptions: repos.map((r) => ({ type: 'image' as const, repoURL: r })),
    health: 'Healthy',
    conditions: [],
    refresh: { pending: false },
  };
}

export function freightView(
  name: string,
  origin: string,
  images: Record<string, string>,
  extra: Partial<FreightView> = {},
): FreightView {
  return {
    name,
    project: 'demo',
    uid: `uid-${name}`,
    resourceVersion: '1',
    origin: { kind: 'Warehouse', name: origin },
    commits: [],
    images: Object.entries(images).map(([repoURL, tag]) => ({ repoURL, tag })),
    charts: [],
    artifacts: [],
    currentlyIn: [],
    verifiedIn: [],
    approvedFor: [],
    ...extra,
  };
}

export function promotionView(
  name: string,
  stage: string,
  extra: Partial<PromotionView> = {},
): PromotionView {
  return {
    name,
    project: 'demo',
    uid: `uid-${name}`,
    resourceVersion: '1',
    stage,
    phase: 'Succeeded',
    terminal: true,
    steps: [],
    abortRequested: false,
    ...extra,
  };
}
