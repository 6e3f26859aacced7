import { queryOptions } from '@tanstack/react-query';
import { ClusterStatusSchema, type ClusterStatus } from '@wharf/shared';

/** Reads how the BFF reaches Kubernetes; validated with the shared schema. */
export async function fetchClusterStatus(signal?: AbortSignal): Promise<ClusterStatus> {
  const res = await fetch('api/v1/cluster', signal ? { signal } : {});
  if (!res.ok) throw new Error(`The server answered ${res.status} for the cluster status.`);
  return ClusterStatusSchema.parse(await res.json());
}

/** The cluster status, re-read now and then so a kind that heals (or breaks) shows without reload. */
export const clusterStatusQuery = () =>
  queryOptions({
    queryKey: ['cluster-status'],
    queryFn: ({ signal }) => fetchClusterStatus(signal),
    meta: { quiet: true },
    refetchInterval: 15_000,
    retry: false,
  });
