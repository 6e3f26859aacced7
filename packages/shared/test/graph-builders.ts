import type { FreightSources, Stage } from '../src/kargo/stage.js';
import type { RepoSubscription, Warehouse } from '../src/kargo/warehouse.js';

// Small builders for graph tests (kept out of fixtures: these are deliberately minimal).
export function wh(name: string, ...subscriptions: RepoSubscription[]): Warehouse {
  return {
    metadata: { name },
    spec: {
      subscriptions: subscriptions.length
        ? subscriptions
        : [{ git: { repoURL: `https://git.example/${name}` } }],
    },
  };
}

export function st(
  name: string,
  requests: Array<[warehouse: string, sources: FreightSources]>,
  steps = true,
): Stage {
  return {
    metadata: { name },
    spec: {
      requestedFreight: requests.map(([w, sources]) => ({
        origin: { kind: 'Warehouse', name: w },
        sources,
      })),
      ...(steps ? { promotionTemplate: { spec: { steps: [{ uses: 'git-clone' }] } } } : {}),
    },
  };
}
