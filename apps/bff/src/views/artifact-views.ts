import type { ArtifactReference, Chart, FreightReference, GitCommit, Image } from '@wharf/shared';
import type {
  ChartRef,
  FreightRef,
  GenericArtifact,
  GitCommit as WireCommit,
  ImageRef,
} from '@wharf/shared/api';
import { defined } from './common.js';

export function commitView(c: GitCommit): WireCommit {
  return {
    repoURL: c.repoURL ?? '',
    ...defined({
      id: c.id,
      branch: c.branch,
      tag: c.tag,
      message: c.message,
      author: c.author,
      committer: c.committer,
    }),
  };
}

export function imageView(i: Image): ImageRef {
  return { repoURL: i.repoURL ?? '', ...defined({ tag: i.tag, digest: i.digest }) };
}

export function chartView(c: Chart): ChartRef {
  return { repoURL: c.repoURL ?? '', ...defined({ name: c.name, version: c.version }) };
}

/** A generic subscription's version; its opaque metadata stays on the server. */
export function genericArtifactView(a: ArtifactReference): GenericArtifact {
  return {
    subscriptionName: a.subscriptionName,
    version: a.version,
    ...defined({ artifactType: a.artifactType }),
  };
}

/** A stage's or promotion's record of freight, with the alias looked up from the cache. */
export function freightRefView(
  ref: FreightReference,
  aliasOf: (name: string) => string | undefined,
): FreightRef {
  const name = ref.name ?? '';
  const alias = aliasOf(name);
  return {
    name,
    ...(alias ? { alias } : {}),
    origin: { kind: ref.origin?.kind ?? 'Warehouse', name: ref.origin?.name ?? '' },
    commits: (ref.commits ?? []).map(commitView),
    images: (ref.images ?? []).map(imageView),
    charts: (ref.charts ?? []).map(chartView),
    artifacts: (ref.artifacts ?? []).map(genericArtifactView),
  };
}
