import { randomBytes } from 'node:crypto';
import { apply, kubectl, patchStatus } from './kube.js';

export interface FixtureProject {
  name: string;
  freight: { old: string; new: string };
}

const freightName = () => randomBytes(20).toString('hex');

/**
 * A small project made with kubectl the way a user would: one warehouse, stages test → prod
 * (test takes freight directly from the warehouse), and two freight. Each spec gets its own
 * project, so specs never see each other's changes (nor the demo's).
 */
export async function createFixtureProject(prefix: string): Promise<FixtureProject> {
  const name = `${prefix}-${randomBytes(3).toString('hex')}`;
  const old = freightName();
  const fresh = freightName();
  await apply(`
apiVersion: v1
kind: Namespace
metadata: {name: ${name}, labels: {kargo.akuity.io/project: "true"}}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Project
metadata: {name: ${name}}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Warehouse
metadata: {name: shop, namespace: ${name}}
spec:
  subscriptions:
  - image: {repoURL: ghcr.io/acme/shop, constraint: ^1.0.0}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata: {name: test, namespace: ${name}, annotations: {kargo.akuity.io/color: "#1565c0"}}
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: shop}
    sources: {direct: true}
  promotionTemplate:
    spec:
      steps:
      - uses: fake-deploy
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata: {name: prod, namespace: ${name}, annotations: {kargo.akuity.io/color: "#2e7d32"}}
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: shop}
    sources: {stages: [test]}
  promotionTemplate:
    spec:
      steps:
      - uses: fake-deploy
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Freight
metadata: {name: "${old}", namespace: ${name}, labels: {kargo.akuity.io/alias: old-otter}}
alias: old-otter
origin: {kind: Warehouse, name: shop}
images: [{repoURL: ghcr.io/acme/shop, tag: 1.0.0}]
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Freight
metadata: {name: "${fresh}", namespace: ${name}, labels: {kargo.akuity.io/alias: new-newt}}
alias: new-newt
origin: {kind: Warehouse, name: shop}
images: [{repoURL: ghcr.io/acme/shop, tag: 1.1.0}]
`);
  return {
    name,
    freight: {
      old: await freightByAlias(name, 'old-otter'),
      new: await freightByAlias(name, 'new-newt'),
    },
  };
}

/** Kargo's webhook names freight after its artifacts: look a name up by alias. */
export const freightByAlias = (project: string, alias: string) =>
  kubectl([
    'get',
    'freight',
    '-n',
    project,
    '-l',
    `kargo.akuity.io/alias=${alias}`,
    '-o',
    'jsonpath={.items[0].metadata.name}',
  ]);

/** Records, as Kargo's controller would, that `freight` is in `stage` (current, verified). */
export async function placeFreight(
  project: string,
  stage: string,
  freight: string,
  alias: string,
): Promise<void> {
  const now = new Date().toISOString();
  await patchStatus('stage', stage, project, {
    freightHistory: [
      {
        id: `${stage}-1`,
        items: {
          'Warehouse/shop': {
            name: freight,
            origin: { kind: 'Warehouse', name: 'shop' },
            images: [
              { repoURL: 'ghcr.io/acme/shop', tag: alias === 'old-otter' ? '1.0.0' : '1.1.0' },
            ],
          },
        },
        verificationHistory: [{ id: 'v1', phase: 'Successful', startTime: now, finishTime: now }],
      },
    ],
  });
  await patchStatus('freight', freight, project, {
    currentlyIn: { [stage]: { since: now } },
    verifiedIn: { [stage]: { verifiedAt: now } },
  });
}
