import { compareFreightKeys, freightSortKey } from '@wharf/shared';
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

export type ArtifactChange = 'NEW' | 'CHANGED' | 'REMOVED' | 'UNCHANGED';

export interface ArtifactRow {
  /** The repository (or chart) the artifact comes from: the identity rows are matched by. */
  source: string;
  kind: 'git' | 'image' | 'chart' | 'artifact';
  current?: string;
  incoming?: string;
  change: ArtifactChange;
}

const shortSha = (id: string | undefined) => (id ? id.slice(0, 7) : '');

/** The version text a person recognises: tag, short commit, or chart version. */
export function versionsOf(
  a: Artifacts,
): Map<string, { kind: ArtifactRow['kind']; version: string }> {
  const out = new Map<string, { kind: ArtifactRow['kind']; version: string }>();
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

/** Current vs incoming, one row per source, as the promote confirmation shows them. */
export function diffArtifacts(current: Artifacts | undefined, incoming: Artifacts): ArtifactRow[] {
  const before = current
    ? versionsOf(current)
    : new Map<string, { kind: ArtifactRow['kind']; version: string }>();
  const after = versionsOf(incoming);
  const rows: ArtifactRow[] = [];
  for (const [source, a] of after) {
    const b = before.get(source);
    const change: ArtifactChange = !b ? 'NEW' : b.version === a.version ? 'UNCHANGED' : 'CHANGED';
    rows.push({
      source,
      kind: a.kind,
      incoming: a.version,
      ...(b ? { current: b.version } : {}),
      change,
    });
  }
  for (const [source, b] of before)
    if (!after.has(source))
      rows.push({ source, kind: b.kind, current: b.version, change: 'REMOVED' });
  return rows;
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
      diffArtifacts(prev, f)
        .filter((r) => r.change === 'CHANGED' || (prev !== undefined && r.change === 'NEW'))
        .map((r) => r.source),
    );
    out.set(f.name, changed);
    olderByOrigin.set(f.origin.name, f);
  }
  return out;
}

export const displayName = (f: { name: string; alias?: string | undefined }) =>
  f.alias ?? f.name.slice(0, 7);
