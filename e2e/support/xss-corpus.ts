import { randomBytes } from 'node:crypto';
import { freightByAlias } from './fixture-project.js';
import { apply, patchStatus } from './kube.js';

/**
 * Markup a careless renderer would run. Each sets `window.__xss` (or opens a dialog) if it ever
 * executes; the specs fail on either.
 */
export const MARKUP_PAYLOADS = [
  '"><img src=x onerror="window.__xss=1;alert(1)">',
  '<script>window.__xss=1</script>',
  '<svg onload="window.__xss=1">',
  "'-alert(1)-'",
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<a href="javascript:window.__xss=1">click</a>',
  '{{constructor.constructor("window.__xss=1")()}}',
  '<details open ontoggle="window.__xss=1">',
];
/** URLs that would run script if they became a link. */
export const URL_PAYLOADS = [
  'javascript:window.__xss=1',
  'JaVaScRiPt:window.__xss=1//https://ok.example',
  'data:text/html,<script>parent.__xss=1</script>',
];

const all = MARKUP_PAYLOADS.join(' ');
const q = (s: string) => JSON.stringify(s);

/**
 * A project whose every free-text field a person or a controller can write holds the corpus:
 * descriptions, condition and promotion messages, commit messages and authors, image and chart
 * references, event messages and actors, link URLs and titles, role claims and descriptions, a
 * warehouse's failing condition (which the cockpit lists).
 */
export async function createXssProject(): Promise<{ name: string; freight: string }> {
  const name = `xss-${randomBytes(3).toString('hex')}`;
  const freight = randomBytes(20).toString('hex');
  await apply(`
apiVersion: v1
kind: Namespace
metadata: {name: ${name}, labels: {kargo.akuity.io/project: "true"}}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Project
metadata: {name: ${name}, annotations: {kargo.akuity.io/description: ${q(all)}}}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: ProjectConfig
metadata: {name: ${name}, namespace: ${name}}
spec:
  stageLinks:
${URL_PAYLOADS.map((u, i) => `  - {title: ${q(MARKUP_PAYLOADS[i] ?? all)}, url: ${q(u)}}`).join('\n')}
  freightLinks:
${URL_PAYLOADS.map((u) => `  - {title: ${q(all)}, url: ${q(u)}}`).join('\n')}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Warehouse
metadata:
  name: shop
  namespace: ${name}
  annotations: {kargo.akuity.io/description: ${q(all)}}
spec:
  subscriptions:
  - image: {repoURL: ghcr.io/acme/shop, constraint: ^1.0.0}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata:
  name: test
  namespace: ${name}
  annotations:
    kargo.akuity.io/description: ${q(all)}
    kargo.akuity.io/color: ${q(URL_PAYLOADS[0] ?? '')}
    kargo.akuity.io/argocd-context: ${q(JSON.stringify([{ name: MARKUP_PAYLOADS[0], namespace: URL_PAYLOADS[0] }]))}
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: shop}
    sources: {direct: true}
  promotionTemplate:
    spec:
      steps:
      - uses: fake-deploy
        as: xss-step
        config: {message: ${q(all)}}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Freight
metadata: {name: "${freight}", namespace: ${name}, labels: {kargo.akuity.io/alias: sly-fox}}
alias: sly-fox
origin: {kind: Warehouse, name: shop}
images: [{repoURL: ghcr.io/acme/shop, tag: 1.0.0}]
commits:
- repoURL: https://github.com/acme/shop.git
  id: 0123456789abcdef0123456789abcdef01234567
  message: ${q(all)}
  author: ${q(MARKUP_PAYLOADS[0] ?? '')}
  committer: ${q(MARKUP_PAYLOADS[2] ?? '')}
  tag: ${q(URL_PAYLOADS[0] ?? '')}
---
apiVersion: v1
kind: Event
metadata: {name: xss-event, namespace: ${name}, annotations: {event.kargo.akuity.io/stage-name: test}}
involvedObject: {apiVersion: kargo.akuity.io/v1alpha1, kind: Stage, name: test, namespace: ${name}}
reason: ${q('XssProbe')}
message: ${q(all)}
type: Warning
source: {component: ${q(MARKUP_PAYLOADS[1] ?? '')}}
---
apiVersion: v1
kind: Event
metadata:
  name: xss-kargo-event
  namespace: ${name}
  annotations:
    event.kargo.akuity.io/actor: ${q(MARKUP_PAYLOADS[3] ?? '')}
    event.kargo.akuity.io/stage-name: test
involvedObject: {apiVersion: kargo.akuity.io/v1alpha1, kind: Promotion, name: test.xss, namespace: ${name}}
reason: PromotionFailed
message: ${q(all)}
type: Warning
lastTimestamp: ${q(new Date().toISOString())}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: xss-role
  namespace: ${name}
  annotations:
    rbac.kargo.akuity.io/managed: "true"
    kargo.akuity.io/description: ${q(all)}
    rbac.kargo.akuity.io/claims: ${q(JSON.stringify({ email: MARKUP_PAYLOADS, groups: URL_PAYLOADS }))}
`);
  await patchStatus('stage', 'test', name, {
    conditions: [
      {
        type: 'Ready',
        status: 'False',
        reason: 'XssProbe',
        message: all,
        lastTransitionTime: '2026-01-01T00:00:00Z',
      },
    ],
    message: all,
  }).catch(() => '');
  // The cockpit lists a failing warehouse with its condition's message.
  await patchStatus('warehouse', 'shop', name, {
    conditions: [
      {
        type: 'Healthy',
        status: 'False',
        reason: 'XssProbe',
        message: all,
        lastTransitionTime: '2026-01-01T00:00:00Z',
      },
    ],
  }).catch(() => '');
  return { name, freight: await freightByAlias(name, 'sly-fox') };
}
