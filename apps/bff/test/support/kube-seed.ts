import { KARGO_RESOURCES } from '@wharf/shared';
import {
  analysisRunCrd,
  forCreate,
  type FixtureObject,
  type ProjectFixture,
  type RealStatusFixture,
} from '@wharf/shared/fixtures';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubeApiError } from '../../src/kube/kube-api-error.js';
import { KubeClient } from '../../src/kube/kube-client.js';
import { corePath, kargoPath } from '../../src/kube/paths.js';

type Obj = FixtureObject;

const PLURALS: Record<string, string> = Object.fromEntries(
  Object.values(KARGO_RESOURCES).map((r) => [r.kind, r.plural]),
);

/** Creates a Kargo object, then writes its status through the status subresource. */
export async function createKargo(kc: KubeConfig, obj: Obj): Promise<void> {
  const client = new KubeClient(kc);
  const plural = PLURALS[obj.kind ?? ''];
  if (!plural) throw new Error(`unknown kind ${String(obj.kind)}`);
  const ns = obj.metadata.namespace;
  await client.create(kargoPath(plural, ns), forCreate(obj));
  if (obj.status) {
    await client.mergePatch(kargoPath(plural, ns, obj.metadata.name, 'status'), {
      status: obj.status,
    });
  }
}

/** Puts a whole fixture project into the cluster (namespace first, as Kargo's webhook would). */
export async function seedProject(kc: KubeConfig, fx: ProjectFixture): Promise<void> {
  const name = fx.project.metadata.name;
  await new KubeClient(kc).create(corePath('namespaces'), {
    metadata: { name, labels: { 'kargo.akuity.io/project': 'true' } },
  });
  await createKargo(kc, fx.project);
  if (fx.projectConfig) await createKargo(kc, fx.projectConfig);
  for (const o of [...fx.warehouses, ...fx.stages, ...fx.freight, ...fx.promotions]) {
    await createKargo(kc, o);
  }
}

/** The core/v1 Events a fixture carries, as Kargo's event recorder would have created them. */
export async function seedEvents(kc: KubeConfig, fx: ProjectFixture): Promise<void> {
  const client = new KubeClient(kc);
  for (const e of fx.events ?? []) {
    const ns = e.metadata.namespace ?? '';
    await client.create(corePath('events', ns), forCreate(e as unknown as Obj));
  }
}

/** Installs a minimal AnalysisRun CRD and the fixture's AnalysisRuns (Argo Rollouts' part). */
export async function seedAnalysisRuns(kc: KubeConfig, fx: RealStatusFixture): Promise<void> {
  const client = new KubeClient(kc);
  await client
    .create('/apis/apiextensions.k8s.io/v1/customresourcedefinitions', analysisRunCrd())
    .catch((err: unknown) => {
      if (!(err instanceof KubeApiError && err.status === 409)) throw err;
    });
  for (const run of fx.analysisRuns) {
    const { uid: _u, creationTimestamp: _c, ...meta } = run.metadata;
    await client.create(`/apis/argoproj.io/v1alpha1/namespaces/${meta.namespace}/analysisruns`, {
      ...run,
      metadata: meta,
    });
  }
}
