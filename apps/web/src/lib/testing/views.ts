import type {
  FreightView,
  ProjectSnapshot,
  PromotionView,
  StageView,
  WarehouseView,
} from '@wharf/shared/api';

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

const counts = { count: 1, healthy: 1, unhealthy: 0, progressing: 0, unknown: 0 };

/** A small project's room snapshot: `test` then `prod` from warehouse `w`, one freight. */
export function projectSnapshot(): ProjectSnapshot {
  return {
    project: 'demo',
    version: 'v-a',
    summary: {
      name: 'demo',
      uid: 'u',
      resourceVersion: '1',
      ready: true,
      stages: counts,
      warehouses: counts,
      pendingPromotions: 0,
    },
    stages: [
      stageView('test', [{ origin: 'w', direct: true }]),
      stageView('prod', [{ origin: 'w', stages: ['test'] }]),
    ],
    warehouses: [warehouseView('w')],
    freight: [freightView('f1', 'w', { 'ghcr.io/app': '1' })],
    promotions: [],
    errors: [],
    freightWindow: { total: 1, nextCursor: null },
  };
}
