import { compareFreightKeys, diffFreight, freightSortKey } from '@wharf/shared';
import type {
  ChartRef,
  FreightView,
  GenericArtifact,
  GitCommit,
  ImageRef,
} from '@wharf/shared/api';

interface Artifacts {
  commits: readonly GitCommit[];
  images: readonly ImageRef[];
  charts: readonly ChartRef[];
  /** Versions from generic subscriptions, keyed by subscription name. */
  artifacts: readonly GenericArtifact[];
}

/** How a freight card and the timeline name an artifact's kind. */
type ArtifactRowKind = 'git' | 'image' | 'chart' | 'artifact';

const shortSha = (id: string | undefined) => (id ? id.slice(0, 7) : '');

/** The version text a person recognises: tag, short commit, or chart version. */
export function versionsOf(a: Artifacts): Map<string, { kind: ArtifactRowKind; version: string }> {
  const out = new Map<string, { kind: ArtifactRowKind; version: string }>();
  for (const c of a.commits) out.set(c.repoURL, { kind: 'git', version: c.tag ?? shortSha(c.id) });
  for (const i of a.images)
    out.set(i.repoURL, {
      kind: 'image',
      version: i.tag ?? shortSha(i.digest?.replace(/^sha256:/, '')),
    });
  for (const c of a.charts)
    out.set(`${c.repoURL}${c.name ? `/${c.name}` : ''}`, {
      kind: 'chart',
      version: c.version ?? '',
    });
  for (const g of a.artifacts)
    out.set(g.subscriptionName, { kind: 'artifact', version: g.version });
  return out;
}

/** One-line summary of a freight's artifacts: "app:1.2.3 · config@abc1234". */
export function summarize(a: Artifacts): string {
  return [...versionsOf(a)]
    .map(
      ([source, v]) =>
        `${source.split('/').pop() ?? source}${v.kind === 'git' ? '@' : ':'}${v.version}`,
    )
    .join(' · ');
}

/** Newest first, in the BFF's order (discovery time, then creation time, then name). */
export function newestFirst(freight: Iterable<FreightView>): FreightView[] {
  return [...freight]
    .map((f) => ({ f, key: freightSortKey(f) }))
    .sort((a, b) => compareFreightKeys(a.key, b.key))
    .map(({ f }) => f);
}

/** For each freight, the sources whose version differs from the previous (older) freight of the same origin. */
export function changedSincePrevious(sorted: readonly FreightView[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const olderByOrigin = new Map<string, FreightView>();
  for (let i = sorted.length - 1; i >= 0; i--) {
    const f = sorted[i];
    if (!f) continue;
    const prev = olderByOrigin.get(f.origin.name);
    const changed = new Set(
      diffFreight(prev, f)
        .filter((r) => r.change === 'CHANGED' || (prev !== undefined && r.change === 'NEW'))
        .map((r) => r.key),
    );
    out.set(f.name, changed);
    olderByOrigin.set(f.origin.name, f);
  }
  return out;
}

export const displayName = (f: { name: string; alias?: string | undefined }) =>
  f.alias ?? f.name.slice(0, 7);
