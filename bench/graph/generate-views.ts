import type {
  FreightView,
  ProjectSnapshot,
  PromotionView,
  StageView,
  WarehouseView,
} from '@wharf/shared/api';

/**
 * A synthetic project in the BFF's wire format: `warehouses` warehouses, `stages` stages in
 * pipelines of five (test → uat → stage → prod-a/prod-b), `freight` freight spread over the
 * warehouses, newest first. Deterministic, so every run measures the same graph.
 */
export function generateProjectSnapshot(opts: {
  stages: number;
  freight: number;
  warehouses?: number;
  project?: string;
}): ProjectSnapshot {
  const project = opts.project ?? 'bench';
  const nw = opts.warehouses ?? 3;
  const t0 = Date.parse('2026-01-01T00:00:00Z');
  const warehouses: WarehouseView[] = Array.from({ length: nw }, (_, i) => ({
    name: `wh-${i}`,
    project,
    uid: `wh-${i}`,
    resourceVersion: '1',
    interval: '5m0s',
    freightCreationPolicy: 'Automatic',
    subscriptions: [
      { type: 'image', repoURL: `ghcr.io/acme/service-${i}`, detail: 'SemVer' },
      { type: 'git', repoURL: `https://git.example/acme/config-${i}.git`, detail: 'main' },
    ],
    health: 'Healthy',
    conditions: [],
    discoveredAt: new Date(t0).toISOString(),
    refresh: { pending: false },
  }));
  const freight: FreightView[] = Array.from({ length: opts.freight }, (_, i) => {
    const w = i % nw;
    const n = Math.floor(i / nw);
    return {
      name: `f${String(i).padStart(39, '0')}`,
      alias: `freight-${i}`,
      project,
      uid: `f-${i}`,
      resourceVersion: '1',
      origin: { kind: 'Warehouse', name: `wh-${w}` },
      discoveredAt: new Date(t0 + i * 60_000).toISOString(),
      createdAt: new Date(t0 + i * 60_000).toISOString(),
      images: [{ repoURL: `ghcr.io/acme/service-${w}`, tag: `1.${Math.floor(n / 10)}.${n % 10}` }],
      commits: [
        {
          repoURL: `https://git.example/acme/config-${w}.git`,
          id: (i * 7919).toString(16).padStart(40, 'a'),
        },
      ],
      charts: [],
      artifacts: [],
      currentlyIn: [],
      verifiedIn: [],
      approvedFor: [],
    };
  });
  const newestOf = (w: number, back: number) => {
    const idx = opts.freight - 1 - ((opts.freight - 1 - w) % nw) - back * nw;
    return freight[Math.max(0, idx)];
  };
  const shape = ['test', 'uat', 'staging', 'prod-a', 'prod-b'];
  const up: Record<string, string[]> = {
    test: [],
    uat: ['test'],
    staging: ['uat'],
    'prod-a': ['staging'],
    'prod-b': ['staging'],
  };
  const stages: StageView[] = [];
  const promotions: PromotionView[] = [];
  for (let i = 0; i < opts.stages; i++) {
    const pipeline = Math.floor(i / shape.length);
    const role = shape[i % shape.length] ?? 'test';
    const w = pipeline % nw;
    const name = `${role}-${pipeline}`;
    const f = newestOf(w, shape.indexOf(role));
    const since = f?.discoveredAt;
    if (f) {
      f.currentlyIn.push({ stage: name, ...(since ? { since } : {}) });
      f.verifiedIn.push({ stage: name, ...(since ? { verifiedAt: since } : {}) });
    }
    const promotion = `${name}.01j${String(i).padStart(23, '0')}.${f?.name.slice(0, 7) ?? ''}`;
    stages.push({
      name,
      project,
      uid: `s-${i}`,
      resourceVersion: '1',
      color: ['#1565c0', '#6a1b9a', '#2e7d32', '#ef6c00', '#00838f'][i % 5],
      phase: 'Ready',
      health: { status: 'Healthy', issues: [] },
      conditions: [{ type: 'Ready', status: 'True' }],
      requestedFreight: [
        {
          origin: { kind: 'Warehouse', name: `wh-${w}` },
          direct: role === 'test',
          upstreamStages: (up[role] ?? []).map((u) => `${u}-${pipeline}`),
          availabilityStrategy: 'OneOf',
        },
      ],
      controlFlow: false,
      argocdApps: [],
      verificationConfigured: false,
      currentFreight: f
        ? [
            {
              name: f.name,
              alias: f.alias,
              origin: f.origin,
              commits: f.commits,
              images: f.images,
              charts: f.charts,
              artifacts: f.artifacts,
            },
          ]
        : [],
      lastPromotion: {
        name: promotion,
        ...(f ? { freight: f.name } : {}),
        phase: 'Succeeded',
        ...(since ? { finishedAt: since } : {}),
      },
      autoPromotion: { enabled: role === 'test', holds: [] },
      refresh: { pending: false },
    });
    promotions.push({
      name: promotion,
      project,
      uid: `p-${i}`,
      resourceVersion: '1',
      stage: name,
      ...(f ? { freight: f.name, freightAlias: f.alias } : {}),
      phase: 'Succeeded',
      terminal: true,
      actor: 'admin',
      steps: [{ alias: 'step-1', uses: 'argocd-update', status: 'Succeeded' }],
      abortRequested: false,
    });
  }
  const counts = (n: number) => ({
    count: n,
    healthy: n,
    unhealthy: 0,
    progressing: 0,
    unknown: 0,
  });
  return {
    project,
    version: 'v1',
    summary: {
      name: project,
      uid: project,
      resourceVersion: '1',
      description: `${opts.stages} stages, ${opts.freight} freight`,
      ready: true,
      stages: counts(stages.length),
      warehouses: counts(nw),
      pendingPromotions: 0,
    },
    stages,
    warehouses,
    freight,
    promotions,
    errors: [],
  };
}
