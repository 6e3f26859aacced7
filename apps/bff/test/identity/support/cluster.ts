import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CoreV1Api,
  KubeConfig,
  KubernetesObjectApi,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { startApiServer } from '@wharf/apiserver';
import { parseAllDocuments } from 'yaml';

export interface TestCluster {
  kc: KubeConfig;
  dataDir: string;
  /** The API server's admin bearer token (what a forged header would carry). */
  adminToken: string;
  apply(yamlText: string): Promise<void>;
  createProjectNamespace(name: string): Promise<void>;
  close(): Promise<void>;
}

/** The embedded API server on loopback, port 0, in a temp dir removed on close. */
export async function startTestCluster(): Promise<TestCluster> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wharf-identity-cluster-'));
  const server = await startApiServer({ dataDir: join(dataDir, 'cluster'), port: 0 });
  const kc = new KubeConfig();
  kc.loadFromString(server.kubeconfigYaml());
  const objects = KubernetesObjectApi.makeApiClient(kc);
  return {
    kc,
    dataDir,
    adminToken: server.adminToken,
    async apply(text) {
      for (const doc of parseAllDocuments(text)) {
        const obj = doc.toJS() as KubernetesObject | null;
        if (obj) await objects.create(obj);
      }
    },
    async createProjectNamespace(name) {
      await kc.makeApiClient(CoreV1Api).createNamespace({
        body: { metadata: { name, labels: { 'kargo.akuity.io/project': 'true' } } },
      });
    },
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
