import type { DiscoveredArtifacts, Freight, Warehouse } from '@wharf/shared';

export interface MissingArtifacts {
  message: string;
  healthyReason: string;
  readyReason: string;
}

/** Kargo's check after discovery (warehouses.go validateDiscoveredArtifacts), with its reasons. */
export function missingArtifacts(found: DiscoveredArtifacts): MissingArtifacts[] {
  const out: MissingArtifacts[] = [];
  const none = (found.git?.length ?? 0) + (found.images?.length ?? 0) + (found.charts?.length ?? 0);
  if (none === 0)
    out.push({
      message: 'No artifacts discovered',
      healthyReason: 'MissingArtifacts',
      readyReason: 'MissingArtifacts',
    });
  for (const g of found.git ?? [])
    if (!g.commits?.length)
      out.push({
        message: `No commits discovered for Git repository "${g.repoURL}"`,
        healthyReason: 'NoCommitsDiscovered',
        readyReason: 'MissingCommits',
      });
  for (const i of found.images ?? [])
    if (!i.references?.length)
      out.push({
        message: `No references discovered for image repository "${i.repoURL}"`,
        healthyReason: 'NoImageReferencesDiscovered',
        readyReason: 'MissingImageReferences',
      });
  for (const c of found.charts ?? [])
    if (!c.versions?.length)
      out.push({
        message: `No versions discovered for chart ${c.name ? `"${c.name}" ` : ''}from repository "${c.repoURL}"`,
        healthyReason: 'NoChartVersionsDiscovered',
        readyReason: 'MissingChartVersions',
      });
  return out;
}

/** Freight from the newest artifact of every subscription; undefined when one has none. */
export function freightFromDiscovery(
  w: Warehouse,
  found: DiscoveredArtifacts,
  discoveredAt: string,
): Freight | undefined {
  if (missingArtifacts(found).length) return undefined;
  const commits = (found.git ?? []).map((repo) => {
    const c = repo.commits?.[0] ?? {};
    return {
      repoURL: repo.repoURL,
      id: c.id,
      ...(c.tag ? { tag: c.tag } : { branch: c.branch }),
      message: c.subject,
      author: c.author,
      committer: c.committer,
    };
  });
  const images = (found.images ?? []).map((repo) => {
    const r = repo.references?.[0];
    return {
      repoURL: repo.repoURL,
      tag: r?.tag,
      digest: r?.digest,
      ...(r?.annotations ? { annotations: r.annotations } : {}),
    };
  });
  const charts = (found.charts ?? []).map((c) => ({
    repoURL: c.repoURL,
    ...(c.name ? { name: c.name } : {}),
    version: c.versions?.[0],
  }));
  if (commits.length + images.length + charts.length === 0) return undefined;
  return {
    metadata: { name: '', namespace: w.metadata.namespace },
    origin: { kind: 'Warehouse', name: w.metadata.name },
    ...(commits.length ? { commits } : {}),
    ...(images.length ? { images } : {}),
    ...(charts.length ? { charts } : {}),
    discoveredAt,
  };
}
