import type { DiscoveredArtifacts, Freight, Warehouse } from '@wharf/shared';

/** Freight from the newest commit of every git subscription; undefined when one has none. */
export function freightFromDiscovery(
  w: Warehouse,
  found: DiscoveredArtifacts,
  discoveredAt: string,
): Freight | undefined {
  const commits = [];
  for (const repo of found.git ?? []) {
    const c = repo.commits?.[0];
    if (!c) return undefined;
    commits.push({
      repoURL: repo.repoURL,
      id: c.id,
      ...(c.tag ? { tag: c.tag } : { branch: c.branch }),
      message: c.subject,
      author: c.author,
      committer: c.committer,
    });
  }
  if (commits.length === 0) return undefined;
  return {
    metadata: { name: '', namespace: w.metadata.namespace },
    origin: { kind: 'Warehouse', name: w.metadata.name },
    commits,
    discoveredAt,
  };
}
