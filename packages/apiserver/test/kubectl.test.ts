// Conformance: the real kubectl binary drives the embedded server as it would a cluster.
import { once } from 'node:events';
import * as https from 'node:https';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_KARGO_CRDS, KARGO_CRDS } from './helpers/kargo.js';
import { KUBECTL, kubectlFor, type Kubectl } from './helpers/kubectl.js';
import { startTestServer, tempDir, type TestServer } from './helpers/server.js';

if (!KUBECTL)
  console.warn(
    'kubectl not installed (apt-get install -y kubernetes-client): kubectl conformance tests are skipped',
  );

const MANIFEST = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
  labels:
    app: shop
data:
  color: blue
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: robot
  namespace: shop
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: cm-reader
  namespace: shop
rules:
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "list"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: robot-reads
  namespace: shop
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: cm-reader
subjects:
- kind: ServiceAccount
  name: robot
  namespace: shop
`;

const KARGO_MANIFEST = `apiVersion: kargo.akuity.io/v1alpha1
kind: Warehouse
metadata:
  name: images
  namespace: shop
spec:
  subscriptions:
  - image:
      repoURL: ghcr.io/example/app
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata:
  name: test
  namespace: shop
spec:
  requestedFreight:
  - origin:
      kind: Warehouse
      name: images
    sources:
      direct: true
`;

// Items of a `kind: List`, indented under `items:`; NAME is replaced per test.
const LIST_ITEMS = `- apiVersion: v1
  kind: Namespace
  metadata:
    name: NAME
- apiVersion: v1
  kind: ServiceAccount
  metadata:
    name: NAME
    namespace: NAME
  automountServiceAccountToken: false
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: NAME
    namespace: NAME
    deletionGracePeriodSeconds: 0
  data:
    k: v
`;

const KARGO_LIST_ITEMS = `- apiVersion: kargo.akuity.io/v1alpha1
  kind: Warehouse
  metadata:
    name: NAME
    namespace: NAME
  spec:
    interval: 5m0s
    subscriptions:
    - image:
        repoURL: ghcr.io/example/app
- apiVersion: kargo.akuity.io/v1alpha1
  kind: Stage
  metadata:
    name: NAME
    namespace: NAME
  spec:
    requestedFreight:
    - origin:
        kind: Warehouse
        name: NAME
      sources:
        direct: true
    promotionTemplate:
      spec:
        steps:
        - uses: git-clone
          config:
            repoURL: https://git.example.com/app.git
            checkout:
            - branch: main
              path: ./src
`;

describe.skipIf(!KUBECTL)('kubectl conformance', () => {
  let t: TestServer;
  let k: Kubectl;
  let home: string;

  beforeAll(async () => {
    t = await startTestServer(HAVE_KARGO_CRDS ? { crdDirs: [KARGO_CRDS] } : {});
    home = tempDir('wharf-kubectl-');
    k = kubectlFor(t.server, home);
  });
  afterAll(async () => {
    await t.stop();
    rmSync(home, { recursive: true, force: true });
  });

  it('applies a multi-document manifest, and a second apply reports every object unchanged', async () => {
    const manifest = HAVE_KARGO_CRDS ? `${MANIFEST}---\n${KARGO_MANIFEST}` : MANIFEST;
    const first = await k.ok(['apply', '-f', '-'], { input: manifest });
    expect(first).toContain('namespace/shop created');
    expect(first).toContain('configmap/settings created');
    expect(first).toContain('rolebinding.rbac.authorization.k8s.io/robot-reads created');
    const second = await k.ok(['apply', '-f', '-'], { input: manifest });
    const lines = second.trim().split('\n');
    expect(lines.length).toBe(HAVE_KARGO_CRDS ? 7 : 5);
    for (const l of lines) expect(l).toMatch(/ unchanged$/);
  });

  it('gets objects as JSON, YAML and tables (with -o wide printer columns for custom resources)', async () => {
    const json = JSON.parse(
      await k.ok(['get', 'configmap', 'settings', '-n', 'shop', '-o', 'json']),
    ) as { data: unknown; metadata: { uid: string } };
    expect(json.data).toEqual({ color: 'blue' });
    expect(await k.ok(['get', 'cm', 'settings', '-n', 'shop', '-o', 'yaml'])).toContain(
      `uid: ${json.metadata.uid}`,
    );
    const table = await k.ok(['get', 'cm', '-n', 'shop']);
    expect(table).toMatch(/^NAME\s+DATA\s+AGE\n/);
    expect(table).toMatch(/settings\s+1\s+\d+s/);
    if (HAVE_KARGO_CRDS) {
      const wide = await k.ok(['get', 'stages', '-n', 'shop', '-o', 'wide']);
      expect(wide).toMatch(/^NAME\s+SHARD\s+CURRENT FREIGHT\s+HEALTH\s+READY\s+STATUS\s+AGE/);
      expect(wide).toContain('test');
    }
  });

  it('get -w prints a change made while it watches', async () => {
    const watcher = k.spawn(['get', 'cm', 'settings', '-n', 'shop', '-w', '--output-watch-events']);
    let out = '';
    watcher.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    while (!/ADDED\s+settings/.test(out)) await once(watcher.stdout ?? watcher, 'data');
    await k.ok([
      'patch',
      'cm',
      'settings',
      '-n',
      'shop',
      '--type=merge',
      '-p',
      '{"data":{"extra":"1"}}',
    ]);
    // Wait for the whole expected table, not just the first bytes of it: kubectl may flush late.
    const expected =
      /^EVENT\s+NAME\s+DATA\s+AGE\nADDED\s+settings\s+1\s+\S+\nMODIFIED\s+settings\s+2\s+\S+\n/;
    const deadline = Date.now() + 20_000;
    while (!expected.test(out) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    watcher.kill();
    expect(out, out).toMatch(expected);
  });

  it('labels, annotates and patches with strategic merge, merge and JSON patches', async () => {
    await k.ok(['label', 'cm', 'settings', '-n', 'shop', 'tier=gold']);
    await k.ok(['annotate', 'cm', 'settings', '-n', 'shop', 'note=hello']);
    await k.ok(['patch', 'cm', 'settings', '-n', 'shop', '-p', '{"data":{"size":"L"}}']);
    await k.ok([
      'patch',
      'cm',
      'settings',
      '-n',
      'shop',
      '--type=merge',
      '-p',
      '{"data":{"color":null,"shape":"round"}}',
    ]);
    await k.ok([
      'patch',
      'cm',
      'settings',
      '-n',
      'shop',
      '--type=json',
      '-p',
      '[{"op":"replace","path":"/data/size","value":"XL"}]',
    ]);
    const cm = JSON.parse(await k.ok(['get', 'cm', 'settings', '-n', 'shop', '-o', 'json'])) as {
      data: unknown;
      metadata: { labels: Record<string, string>; annotations: Record<string, string> };
    };
    expect(cm.data).toEqual({ size: 'XL', shape: 'round', extra: '1' });
    expect(cm.metadata.labels.tier).toBe('gold');
    expect(cm.metadata.annotations.note).toBe('hello');
    if (HAVE_KARGO_CRDS) {
      await k.ok([
        'patch',
        'stage',
        'test',
        '-n',
        'shop',
        '--type=merge',
        '-p',
        '{"spec":{"shard":"east"}}',
      ]);
      expect(
        await k.ok([
          'get',
          'stage',
          'test',
          '-n',
          'shop',
          '-o',
          'jsonpath={.spec.shard} {.metadata.generation}',
        ]),
      ).toBe('east 2');
      const smp = await k.run([
        'patch',
        'stage',
        'test',
        '-n',
        'shop',
        '--type=strategic',
        '-p',
        '{"spec":{"shard":"west"}}',
      ]);
      expect(smp.code).not.toBe(0);
      expect(smp.stderr).toContain('the body of the request was in an unknown format');
    }
  });

  it('server-side apply creates, then leaves an unchanged object alone', async () => {
    const doc =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n  namespace: shop\ndata:\n  k: v\n';
    expect(await k.ok(['apply', '--server-side', '-f', '-'], { input: doc })).toContain(
      'configmap/ssa serverside-applied',
    );
    const rv1 = await k.ok([
      'get',
      'cm',
      'ssa',
      '-n',
      'shop',
      '-o',
      'jsonpath={.metadata.resourceVersion}',
    ]);
    await k.ok(['apply', '--server-side', '-f', '-'], { input: doc });
    expect(
      await k.ok(['get', 'cm', 'ssa', '-n', 'shop', '-o', 'jsonpath={.metadata.resourceVersion}']),
    ).toBe(rv1);
    await k.ok(['apply', '--server-side', '-f', '-'], { input: doc.replace('k: v', 'j: w') });
    expect(await k.ok(['get', 'cm', 'ssa', '-n', 'shop', '-o', 'jsonpath={.data}'])).toBe(
      '{"j":"w"}',
    );
  });

  it('creates and applies a kind: List, validating its items against the protobuf OpenAPI v2 as kubectl does', async () => {
    const items = (HAVE_KARGO_CRDS ? `${LIST_ITEMS}${KARGO_LIST_ITEMS}` : LIST_ITEMS).replaceAll(
      'NAME',
      'listed',
    );
    const list = `apiVersion: v1\nkind: List\nitems:\n${items}`;
    const created = await k.ok(['create', '-f', '-'], { input: list });
    expect(created).toContain('namespace/listed created');
    expect(created).toContain('serviceaccount/listed created');
    if (HAVE_KARGO_CRDS) expect(created).toContain('stage.kargo.akuity.io/listed created');
    const applied = await k.ok(['apply', '-f', '-'], { input: list });
    expect(applied).toContain('configmap/listed configured');
    expect(await k.ok(['get', 'cm', 'listed', '-n', 'listed', '-o', 'jsonpath={.data.k}'])).toBe(
      'v',
    );
  });

  it('refuses a List whose Kargo item has an unknown field on the client, naming it, and creates nothing', async () => {
    if (!HAVE_KARGO_CRDS) return;
    const items = `${LIST_ITEMS}${KARGO_LIST_ITEMS}`
      .replaceAll('NAME', 'typo')
      .replace('    sources:', '    colour: red\n    sources:');
    const r = await k.run(['create', '-f', '-'], {
      input: `apiVersion: v1\nkind: List\nitems:\n${items}`,
    });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      'unknown field "colour" in io.akuity.kargo.v1alpha1.Stage.spec.requestedFreight',
    );
    expect((await k.run(['get', 'ns', 'typo'])).code).not.toBe(0);
  });

  it('serves /openapi/v2 as kube-apiserver negotiates it: protobuf, JSON, or 406', async () => {
    const get = (accept: string) =>
      new Promise<{ status: number; type: string; body: Buffer }>((resolve, reject) => {
        const req = https.request(
          `${t.server.url}/openapi/v2`,
          {
            ca: t.server.caPem,
            headers: { Authorization: `Bearer ${t.server.adminToken}`, Accept: accept },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (d: Buffer) => chunks.push(d));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                type: String(res.headers['content-type']),
                body: Buffer.concat(chunks),
              }),
            );
          },
        );
        req.on('error', reject);
        req.end();
      });
    const proto = await get('application/com.github.proto-openapi.spec.v2@v1.0+protobuf');
    expect(proto.status).toBe(200);
    expect(proto.type).toBe('application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    // Field 1 (swagger) of the Document message: tag 0x0a, length 3, "2.0".
    expect([...proto.body.subarray(0, 5)]).toEqual([0x0a, 3, 0x32, 0x2e, 0x30]);
    const json = await get('application/json');
    expect(json.type).toBe('application/json');
    expect((JSON.parse(json.body.toString()) as { swagger: string }).swagger).toBe('2.0');
    expect((await get('text/html')).status).toBe(406);
  });

  it('deletes with cascade: foreground and background remove dependents, orphan keeps them', async () => {
    const owner = async (name: string) => {
      await k.ok(['create', 'cm', name, '-n', 'shop']);
      const uid = await k.ok(['get', 'cm', name, '-n', 'shop', '-o', 'jsonpath={.metadata.uid}']);
      const dep = {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: `${name}-child`,
          namespace: 'shop',
          ownerReferences: [
            { apiVersion: 'v1', kind: 'ConfigMap', name, uid, blockOwnerDeletion: true },
          ],
        },
      };
      await k.ok(['create', '-f', '-'], { input: JSON.stringify(dep) });
    };
    const exists = async (name: string) =>
      (await k.run(['get', 'cm', name, '-n', 'shop'])).code === 0;
    for (const mode of ['foreground', 'background', 'orphan']) {
      await owner(mode);
      await k.ok(['delete', 'cm', mode, '-n', 'shop', `--cascade=${mode}`, '--wait=true']);
      const deadline = Date.now() + 5000;
      while ((await exists(`${mode}-child`)) !== (mode === 'orphan') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect(await exists(mode)).toBe(false);
      expect(await exists(`${mode}-child`)).toBe(mode === 'orphan');
    }
    expect(
      await k.ok([
        'get',
        'cm',
        'orphan-child',
        '-n',
        'shop',
        '-o',
        'jsonpath={.metadata.ownerReferences}',
      ]),
    ).toBe('');
  });

  it('answers auth can-i for the admin and, with --as, for a ServiceAccount', async () => {
    expect((await k.ok(['auth', 'can-i', 'delete', 'secrets', '-n', 'shop'])).trim()).toBe('yes');
    expect(
      (
        await k.ok([
          'auth',
          'can-i',
          'list',
          'configmaps',
          '-n',
          'shop',
          '--as',
          'system:serviceaccount:shop:robot',
        ])
      ).trim(),
    ).toBe('yes');
    const no = await k.run([
      'auth',
      'can-i',
      'delete',
      'configmaps',
      '-n',
      'shop',
      '--as',
      'system:serviceaccount:shop:robot',
    ]);
    expect(no.stdout.trim()).toBe('no');
    expect(no.code).toBe(1);
  });

  it('creates a ServiceAccount token that authenticates as that ServiceAccount and is limited by its RBAC', async () => {
    const token = (await k.ok(['create', 'token', 'robot', '-n', 'shop'])).trim();
    expect(await k.ok(['get', 'cm', '-n', 'shop', '-o', 'name'], { token })).toContain(
      'configmap/settings',
    );
    const denied = await k.run(['get', 'secrets', '-n', 'shop'], { token });
    expect(denied.stderr).toContain(
      'secrets is forbidden: User "system:serviceaccount:shop:robot" cannot list resource "secrets" in API group "" in the namespace "shop"',
    );
    expect(
      await k.ok(['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'], { token }),
    ).toBe('system:serviceaccount:shop:robot');
    const bad = await k.run(['get', 'cm', '-n', 'shop'], { token: 'not-a-token' });
    expect(bad.stderr).toContain('Unauthorized');
  });

  it('auth whoami names the admin user and groups', async () => {
    const who = await k.ok(['auth', 'whoami']);
    expect(who).toMatch(/Username\s+wharf-admin/);
    expect(who).toContain('system:masters');
  });

  it('explains a custom resource field from the CRD schema', async () => {
    if (!HAVE_KARGO_CRDS) {
      expect(await k.ok(['explain', 'configmaps.data'])).toContain(
        'Data contains the configuration data',
      );
      return;
    }
    const out = await k.ok(['explain', 'stages.spec']);
    expect(out).toContain('KIND:       Stage');
    expect(out).toContain('FIELD: spec <Object>');
    expect(out).toContain('requestedFreight');
  });

  it('apply validates strictly: an unknown field in a custom resource is refused, as kubectl --validate=strict expects', async () => {
    if (!HAVE_KARGO_CRDS) return;
    const typo =
      KARGO_MANIFEST.split('---\n')[1]
        ?.replace('name: test', 'name: typo')
        .replace('spec:\n', 'spec:\n  bogus: 1\n') ?? '';
    const r = await k.run(['apply', '-f', '-'], { input: typo });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(
      'Stage in version "v1alpha1" cannot be handled as a Stage: strict decoding error: unknown field "spec.bogus"',
    );
    expect((await k.run(['get', 'stage', 'typo', '-n', 'shop'])).code).not.toBe(0);
  });

  it('deleting a namespace removes its contents and then the namespace', async () => {
    await k.ok(['create', 'ns', 'doomed']);
    await k.ok(['create', 'cm', 'x', '-n', 'doomed']);
    await k.ok(['delete', 'ns', 'doomed', '--wait=true', '--timeout=10s']);
    expect((await k.run(['get', 'ns', 'doomed'])).stderr).toContain(
      'namespaces "doomed" not found',
    );
    expect((await k.run(['get', 'cm', 'x', '-n', 'doomed'])).stdout).toBe('');
  });
});
