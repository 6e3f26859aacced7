import type { Warehouse } from '@wharf/shared';
import type { DiscoveredArtifactsView } from '@wharf/shared/api';
import { defined } from './common.js';

/**
 * `status.discoveredArtifacts` as tables read it. Kargo lists each subscription's versions newest
 * first; opaque metadata (image annotations, generic artifact metadata) stays on the server.
 */
export function toDiscoveredArtifactsView(w: Warehouse): DiscoveredArtifactsView {
  const d = w.status?.discoveredArtifacts;
  return {
    warehouse: w.metadata.name,
    ...defined({ discoveredAt: d?.discoveredAt }),
    images: (d?.images ?? []).map((i) => ({
      repoURL: i.repoURL,
      ...defined({ platform: i.platform }),
      references: (i.references ?? []).map((r) => ({
        tag: r.tag,
        digest: r.digest,
        ...defined({ createdAt: r.createdAt }),
      })),
    })),
    git: (d?.git ?? []).map((g) => ({
      repoURL: g.repoURL,
      commits: (g.commits ?? []).map((c) =>
        defined({
          id: c.id,
          branch: c.branch,
          tag: c.tag,
          subject: c.subject,
          author: c.author,
          creatorDate: c.creatorDate,
        }),
      ),
    })),
    charts: (d?.charts ?? []).map((c) => ({
      repoURL: c.repoURL,
      ...defined({ name: c.name }),
      versions: c.versions ?? [],
    })),
    generic: (d?.results ?? []).map((r) => ({
      subscriptionName: r.name,
      versions: (r.artifactReferences ?? []).map((a) => ({
        version: a.version,
        ...defined({ artifactType: a.artifactType }),
      })),
    })),
  };
}
