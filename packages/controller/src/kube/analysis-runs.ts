import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import { isNotFound, type KubeClients } from './clients.js';

const MERGE = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const REF = { group: 'argoproj.io', version: 'v1alpha1', plural: 'analysisruns' };

/** The parts of an Argo Rollouts AnalysisRun the stage controller reads. */
export interface AnalysisRun {
  metadata: {
    name: string;
    namespace?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
  };
  status?: { phase?: string; message?: string; completedAt?: string };
}

/**
 * Argo Rollouts' AnalysisRuns, when the cluster serves them: Kargo verifies Freight by creating
 * one and following its phase. The embedded cluster runs no Argo Rollouts, so something else
 * (a person, a test, a real Rollouts controller) moves the run along.
 */
export class AnalysisRuns {
  constructor(private readonly clients: KubeClients) {}

  /** Whether the AnalysisRun CRD is installed (asked each time: it may appear at any moment). */
  async served(): Promise<boolean> {
    try {
      await this.clients.apiext.readCustomResourceDefinition({ name: 'analysisruns.argoproj.io' });
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async get(namespace: string, name: string): Promise<AnalysisRun | undefined> {
    try {
      return (await this.clients.custom.getNamespacedCustomObject({
        ...REF,
        namespace,
        name,
      })) as AnalysisRun;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  /** The newest run labelled for this stage and freight collection, as Kargo looks one up. */
  async find(namespace: string, labels: Record<string, string>): Promise<AnalysisRun | undefined> {
    const list = (await this.clients.custom.listNamespacedCustomObject({
      ...REF,
      namespace,
      labelSelector: Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
    })) as { items?: AnalysisRun[] };
    return (list.items ?? []).sort((a, b) =>
      (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''),
    )[0];
  }

  async create(namespace: string, body: object): Promise<AnalysisRun> {
    return (await this.clients.custom.createNamespacedCustomObject({
      ...REF,
      namespace,
      body: { apiVersion: 'argoproj.io/v1alpha1', kind: 'AnalysisRun', ...body },
    })) as AnalysisRun;
  }

  /** Asks Argo Rollouts to stop the run, as Kargo does on abort (`spec.terminate: true`). */
  async terminate(namespace: string, name: string): Promise<void> {
    await this.clients.custom.patchNamespacedCustomObject(
      { ...REF, namespace, name, body: { spec: { terminate: true } } },
      MERGE,
    );
  }
}
