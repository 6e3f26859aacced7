import { ClusterStatusSchema, type ClusterStatus } from '@wharf/shared';

/** Reads how the BFF reaches Kubernetes; validated with the shared schema. */
export async function fetchClusterStatus(signal?: AbortSignal): Promise<ClusterStatus> {
  const res = await fetch('api/v1/cluster', signal ? { signal } : {});
  if (!res.ok) throw new Error(`The server answered ${res.status} for the cluster status.`);
  return ClusterStatusSchema.parse(await res.json());
}
