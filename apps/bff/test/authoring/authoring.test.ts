import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify, parse } from 'yaml';
import { startEmbeddedKargo, type EmbeddedKargo } from '@wharf/controller';
import { CapabilitiesSchema, stageCapability, ClusterCapabilitiesSchema } from '@wharf/shared/api';
import {
  CreateProjectRefusalSchema,
  CredentialListSchema,
  DeleteImpactSchema,
  KindSchemaResultSchema,
  ObjectReadResultSchema,
  ObjectWriteResultSchema,
  WriteConflictDetailsSchema,
  WriteRefusalDetailsSchema,
} from '@wharf/shared/authoring';
import { adminCaller } from '../../src/access/admin-caller.js';
import { KubeClient } from '../../src/kube/kube-client.js';
import { corePath, kargoPath } from '../../src/kube/paths.js';
import {
  eventually,
  HAVE_CRDS,
  NO_CRDS_MESSAGE,
  startHarness,
  type Harness,
} from '../support/bff-harness.js';
import { headerResolver } from '../support/callers.js';
import { ADMIN_RULES, apiAs, grant, stageYaml, VIEWER_RULES } from './support.js';

const A = 'alpha';
const B = 'bravo';
const PASSWORD = 'pw-7f3a9c-never-leaves-kubernetes';

if (!HAVE_CRDS) console.warn(NO_CRDS_MESSAGE);

describe.skipIf(!HAVE_CRDS)(
  'authoring through the BFF, as the caller, validated by Kubernetes',
  () => {
    let h: Harness;
    let kargo: EmbeddedKargo;
    let admin: KubeClient;
    const transcript: string[] = [];
    let api: ReturnType<typeof apiAs>;
    let alice: ReturnType<typeof apiAs>;
    let victor: ReturnType<typeof apiAs>;
    const errorOf = (j: unknown) =>
      (j as { error: { name: string; message: string; details?: unknown } }).error;

    beforeAll(async () => {
      h = await startHarness(
        () => Promise.resolve(),
        (kc) => ({ resolveCaller: headerResolver(kc, adminCaller(kc)) }),
      );
      admin = new KubeClient(h.kc);
      // Kargo's stand-in admits Projects (it creates their namespaces), as Kargo's webhook does.
      kargo = await startEmbeddedKargo({ apiServer: h.api, dataDir: h.dataDir });
      for (const ns of [A, B])
        await admin.create(kargoPath('projects'), {
          apiVersion: 'kargo.akuity.io/v1alpha1',
          kind: 'Project',
          metadata: { name: ns },
        });
      await grant(h.kc, A, 'alice', ADMIN_RULES);
      await grant(h.kc, A, 'victor', VIEWER_RULES);
      await grant(h.kc, B, 'victor', VIEWER_RULES);
      api = apiAs(h.bff.url, transcript);
      alice = apiAs(h.bff.url, transcript, 'alice');
      victor = apiAs(h.bff.url, transcript, 'victor');
      await eventually(() => h.bff.cache.get('projects').get(undefined, B), 10_000);
    }, 60_000);
    afterAll(async () => {
      await kargo?.stop();
      await h?.close();
    });

    it('a YAML edit keeps a field and an annotation Wharf knows nothing of, and writes as the caller', async () => {
      await admin.create(kargoPath('stages', A), {
        ...(parse(stageYaml(A, 'keep')) as object),
        metadata: { name: 'keep', namespace: A, annotations: { 'example.com/owner': 'team-x' } },
        spec: {
          ...(parse(stageYaml(A, 'keep')) as { spec: object }).spec,
          verification: { analysisRunMetadata: { labels: { tier: 'gold' } } },
        },
      });
      const read = await alice('GET', `/projects/${A}/objects/stages/keep`);
      expect(read.status).toBe(200);
      const { object } = ObjectReadResultSchema.parse(read.json);
      expect(object).not.toHaveProperty('status');
      expect(object.metadata).not.toHaveProperty('managedFields');
      const edited = {
        ...object,
        metadata: {
          ...object.metadata,
          annotations: {
            ...(object.metadata.annotations as object),
            'kargo.akuity.io/color': 'teal',
          },
        },
      };
      // Kargo's stand-in writes status meanwhile; with the base it read, the edit still lands.
      await admin.mergePatch(kargoPath('stages', A, 'keep', 'status'), {
        status: { freightSummary: 'x' },
      });
      const res = await alice('PUT', `/projects/${A}/objects/stages/keep`, {
        manifest: stringify(edited),
        base: object,
      });
      expect(res.status, res.text).toBe(200);
      const stored = (await admin.get(kargoPath('stages', A, 'keep'))) as {
        metadata: { annotations: Record<string, string>; managedFields?: { manager: string }[] };
        spec: { verification?: unknown };
      };
      expect(stored.metadata.annotations).toMatchObject({
        'example.com/owner': 'team-x',
        'kargo.akuity.io/color': 'teal',
      });
      expect(stored.spec.verification).toEqual({
        analysisRunMetadata: { labels: { tier: 'gold' } },
      });
      expect(stored.metadata.managedFields?.map((m) => m.manager)).toContain('wharf');
    });

    it("another writer's change since the object was read is a 409 with what is stored now, and nothing is overwritten", async () => {
      await admin.create(kargoPath('stages', A), parse(stageYaml(A, 'race')));
      const { object } = ObjectReadResultSchema.parse(
        (await alice('GET', `/projects/${A}/objects/stages/race`)).json,
      );
      await admin.mergePatch(kargoPath('stages', A, 'race'), {
        metadata: { annotations: { 'kargo.akuity.io/color': 'red' } },
      });
      const mine = {
        ...object,
        metadata: { ...object.metadata, annotations: { 'kargo.akuity.io/color': 'blue' } },
      };
      const res = await alice('PUT', `/projects/${A}/objects/stages/race`, {
        manifest: stringify(mine),
        base: object,
      });
      expect(res.status).toBe(409);
      const { current } = WriteConflictDetailsSchema.parse(errorOf(res.json).details);
      expect(current.metadata.annotations).toEqual({ 'kargo.akuity.io/color': 'red' });
      const stored = (await admin.get(kargoPath('stages', A, 'race'))) as {
        metadata: { annotations: Record<string, string> };
      };
      expect(stored.metadata.annotations['kargo.akuity.io/color']).toBe('red');
    });

    it('an update without the resourceVersion it was read at is refused, naming the field', async () => {
      const res = await alice('PUT', `/projects/${A}/objects/stages/race`, {
        manifest: stageYaml(A, 'race'),
      });
      expect(res.status).toBe(400);
      const { causes } = WriteRefusalDetailsSchema.parse(errorOf(res.json).details);
      expect(causes[0]?.field).toBe('metadata.resourceVersion');
    });

    it("invalid YAML is refused with the parser's message and line, and nothing is created", async () => {
      const broken = `apiVersion: kargo.akuity.io/v1alpha1\nkind: Stage\nmetadata:\n  name: broken\n\tnamespace: x\n`;
      const res = await alice('POST', `/projects/${A}/objects/stages`, { manifest: broken });
      expect(res.status).toBe(400);
      const { causes } = WriteRefusalDetailsSchema.parse(errorOf(res.json).details);
      expect(causes[0]?.line).toBe(5);
      await expect(admin.get(kargoPath('stages', A, 'broken'))).rejects.toThrow(/not found/);
    });

    it("a schema violation is Kubernetes' own 422, placed on the field and its line", async () => {
      const bad = stageYaml(A, 'bad').replace('kind: Warehouse', 'kind: Bucket');
      const res = await alice('POST', `/projects/${A}/objects/stages?dryRun=true`, {
        manifest: bad,
      });
      expect(res.status).toBe(422);
      const err = errorOf(res.json);
      expect(err.message).toMatch(/Unsupported value: "Bucket"/);
      const { causes } = WriteRefusalDetailsSchema.parse(err.details);
      expect(causes[0]).toMatchObject({ field: 'spec.requestedFreight[0].origin.kind', line: 9 });
    });

    it("a field the schema lacks is refused by Kubernetes' strict check rather than silently dropped", async () => {
      const res = await alice('POST', `/projects/${A}/objects/stages`, {
        manifest: stageYaml(A, 'typo').replace('spec:\n', 'spec:\n  shardd: eu\n'),
      });
      expect(res.status).toBe(400);
      const { causes } = WriteRefusalDetailsSchema.parse(errorOf(res.json).details);
      expect(causes[0]).toMatchObject({ field: 'spec.shardd', line: 7 });
    });

    it('a dry run validates without storing; a create then stores it as the caller', async () => {
      const dry = await alice('POST', `/projects/${A}/objects/stages?dryRun=true`, {
        manifest: stageYaml(A, 'fresh'),
      });
      expect(dry.status, dry.text).toBe(201);
      expect(ObjectWriteResultSchema.parse(dry.json).dryRun).toBe(true);
      await expect(admin.get(kargoPath('stages', A, 'fresh'))).rejects.toThrow(/not found/);
      const made = await alice('POST', `/projects/${A}/objects/stages`, {
        manifest: stageYaml(A, 'fresh'),
      });
      expect(made.status).toBe(201);
      await admin.get(kargoPath('stages', A, 'fresh'));
    });

    it('Secrets cannot be written through the generic path, and a viewer may not write at all', async () => {
      const secret = await api('POST', `/projects/${A}/objects/secrets`, {
        manifest: 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n',
      });
      expect(secret.status).toBe(400);
      const denied = await victor('POST', `/projects/${A}/objects/stages`, {
        manifest: stageYaml(A, 'nope'),
      });
      expect(denied.status).toBe(403);
      expect(errorOf(denied.json).message).toMatch(/create/);
    });

    it("a viewer sees every authoring action refused with Kubernetes' reason", async () => {
      const caps = CapabilitiesSchema.parse(
        (await victor('GET', `/projects/${A}/capabilities`)).json,
      );
      for (const a of [
        'createWarehouse',
        'updateWarehouse',
        'deleteWarehouse',
        'createStage',
        'updateStage',
        'updateProjectConfig',
        'deleteProject',
        'manageCredentials',
        'readCredentials',
        'managePromotionTasks',
        'manageConfigMaps',
      ] as const) {
        const d = caps.projectActions[a];
        expect(d.allowed, a).toBe(false);
        if (!d.allowed) expect(d.reason).toMatch(/Kubernetes does not allow you to/);
      }
      expect(stageCapability(caps.stages, 'keep', 'delete')?.allowed).toBe(false);
      const cluster = ClusterCapabilitiesSchema.parse((await victor('GET', '/capabilities')).json);
      expect(cluster.actions.createProject.allowed).toBe(false);
      expect(cluster.sharedNamespace).toBe('kargo-shared-resources');
    });

    it('credentials are write-only: answers carry URL, keys and times, never a value', async () => {
      const made = await alice('POST', `/projects/${A}/credentials`, {
        name: 'repo-creds',
        type: 'git',
        repoURL: 'https://git.example.com/team/app.git',
        username: 'bot',
        password: PASSWORD,
        description: 'push access',
      });
      expect(made.status, made.text).toBe(201);
      const list = CredentialListSchema.parse(
        (await alice('GET', `/projects/${A}/credentials`)).json,
      );
      expect(list.items).toEqual([
        expect.objectContaining({
          name: 'repo-creds',
          type: 'git',
          repoURL: 'https://git.example.com/team/app.git',
          repoURLIsRegex: false,
          keys: ['password', 'repoURL', 'username'],
          description: 'push access',
        }),
      ]);
      // Replace the URL pattern only: the stored password stays as it was.
      const replaced = await alice('PUT', `/projects/${A}/credentials/repo-creds`, {
        type: 'git',
        repoURL: '^https://git\\.example\\.com/team/.*$',
        repoURLIsRegex: true,
      });
      expect(replaced.status, replaced.text).toBe(200);
      const secret = (await admin.get(corePath('secrets', A, 'repo-creds'))) as {
        metadata: { labels: Record<string, string> };
        data: Record<string, string>;
      };
      expect(secret.metadata.labels['kargo.akuity.io/cred-type']).toBe('git');
      expect(Buffer.from(secret.data.password ?? '', 'base64').toString()).toBe(PASSWORD);
      expect(Buffer.from(secret.data.repoURLIsRegex ?? '', 'base64').toString()).toBe('true');
      // The read-only Kubernetes proxy redacts it too.
      await api('GET', `/k8s/api/v1/namespaces/${A}/secrets/repo-creds`);
      const leaked = transcript.filter(
        (t) => t.includes(PASSWORD) || t.includes(Buffer.from(PASSWORD).toString('base64')),
      );
      expect(leaked).toEqual([]);
    });

    it('a project admin cannot create a credential in a project they do not administer', async () => {
      const res = await alice('POST', `/projects/${B}/credentials`, {
        name: 'sneaky',
        type: 'generic',
        data: { token: 'x' },
      });
      expect(res.status).toBe(403);
      await expect(admin.get(corePath('secrets', B, 'sneaky'))).rejects.toThrow(/not found/);
      const other = await alice('DELETE', `/projects/${A}/credentials/default-token-none`);
      expect(other.status).toBe(404);
    });

    it('the delete confirmation names downstream stages; the kind schema comes from the cluster', async () => {
      await admin.create(kargoPath('stages', A), {
        ...(parse(stageYaml(A, 'after')) as object),
        spec: {
          requestedFreight: [
            { origin: { kind: 'Warehouse', name: 'app' }, sources: { stages: ['fresh'] } },
          ],
        },
      });
      const impact = await eventually(async () => {
        const r = DeleteImpactSchema.parse(
          (await alice('GET', `/projects/${A}/objects/stages/fresh/impact`)).json,
        );
        return r.dependents.length ? r : undefined;
      });
      expect(impact.dependents).toEqual([
        expect.objectContaining({ kind: 'Stage', name: 'after' }),
      ]);
      const schema = KindSchemaResultSchema.parse((await alice('GET', '/schemas/stages')).json);
      expect(JSON.stringify(schema.schema)).toContain('requestedFreight');
      const gone = await alice('DELETE', `/projects/${A}/objects/stages/after`);
      expect(gone.status).toBe(200);
    });

    it('a project is created in one go; when Kubernetes refuses one object, nothing of it is left', async () => {
      const project = {
        apiVersion: 'kargo.akuity.io/v1alpha1',
        kind: 'Project',
        metadata: { name: 'wiz' },
      };
      const warehouse = {
        apiVersion: 'kargo.akuity.io/v1alpha1',
        kind: 'Warehouse',
        metadata: { name: 'app' },
        spec: { subscriptions: [{ git: { repoURL: 'https://git.example.com/app.git' } }] },
      };
      const stage = (name: string, kind = 'Warehouse') => ({
        ...(parse(stageYaml('wiz', name)) as { metadata: object }),
        metadata: { name },
        spec: { requestedFreight: [{ origin: { kind, name: 'app' }, sources: { direct: true } }] },
      });
      const credentials = [
        {
          name: 'git',
          type: 'git',
          repoURL: 'https://git.example.com/app.git',
          username: 'u',
          password: PASSWORD,
        },
      ];
      const refused = await api('POST', '/projects', {
        project,
        credentials,
        objects: [warehouse, stage('test'), stage('uat', 'Bucket')],
      });
      expect(refused.status).toBe(422);
      const why = CreateProjectRefusalSchema.parse(errorOf(refused.json).details);
      expect(why.failed).toMatchObject({ part: 'objects', index: 2, kind: 'Stage', name: 'uat' });
      expect(why.failed.causes[0]?.field).toBe('spec.requestedFreight[0].origin.kind');
      expect(why.leftBehind).toEqual([]);
      const gone = (path: string) => () =>
        admin.get(path).then(
          () => undefined,
          () => true,
        );
      await eventually(gone(kargoPath('projects', undefined, 'wiz')), 10_000);
      await eventually(gone(corePath('namespaces', undefined, 'wiz')), 10_000);

      const ok = await api('POST', '/projects', {
        project,
        credentials,
        objects: [warehouse, stage('test'), stage('uat')],
      });
      expect(ok.status, ok.text).toBe(201);
      await admin.get(kargoPath('stages', 'wiz', 'uat'));
      await admin.get(corePath('secrets', 'wiz', 'git'));
      expect(transcript.some((t) => t.includes(PASSWORD))).toBe(false);
    }, 30_000);
  },
);
