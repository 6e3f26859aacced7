import type { ArtifactReference, Chart, GitCommit, Image } from '../kargo/artifacts.js';
import type { FreightArtifacts } from './freight-name.js';
import { forgeCompareUrl } from './repo-url.js';

export type ArtifactKind = 'commit' | 'image' | 'chart' | 'artifact';
type AnyArtifact = GitCommit | Image | Chart | ArtifactReference;
export type ArtifactChange = 'NEW' | 'CHANGED' | 'REMOVED' | 'UNCHANGED';

export interface ArtifactDiffRow {
  kind: ArtifactKind;
  /** repoURL for commits and images, `repoURL/name` for charts. */
  key: string;
  /** Short version label a person reads: tag or short commit id, image tag, chart version. */
  current?: string;
  incoming?: string;
  currentArtifact?: AnyArtifact;
  incomingArtifact?: AnyArtifact;
  change: ArtifactChange;
  /** For a commit that changed on a known forge: its page comparing the two. */
  compareUrl?: string;
}

interface Entry {
  kind: ArtifactKind;
  key: string;
  label: string;
  identity: string;
  artifact: AnyArtifact;
}

const KIND_ORDER: Record<ArtifactKind, number> = { commit: 0, image: 1, chart: 2, artifact: 3 };

function entries(f: FreightArtifacts | undefined): Entry[] {
  const out: Entry[] = [];
  for (const c of f?.commits ?? []) {
    const id = c.id ?? '';
    const label = c.tag ? `${c.tag} (${id.slice(0, 7)})` : id.slice(0, 7);
    out.push({
      kind: 'commit',
      key: c.repoURL ?? '',
      label,
      identity: `${c.tag}:${id}`,
      artifact: c,
    });
  }
  for (const i of f?.images ?? []) {
    const label = i.tag ?? i.digest ?? '';
    out.push({
      kind: 'image',
      key: i.repoURL ?? '',
      label,
      identity: `${i.tag}@${i.digest}`,
      artifact: i,
    });
  }
  for (const ch of f?.charts ?? []) {
    const key = ch.name ? `${ch.repoURL ?? ''}/${ch.name}` : (ch.repoURL ?? '');
    const version = ch.version ?? '';
    out.push({ kind: 'chart', key, label: version, identity: version, artifact: ch });
  }
  for (const g of f?.artifacts ?? []) {
    out.push({
      kind: 'artifact',
      key: g.subscriptionName,
      label: g.version,
      identity: g.version,
      artifact: g,
    });
  }
  return out;
}

/** What a forge compares a commit by: its id, else its tag. */
const commitRef = (a: AnyArtifact) => {
  const c = a as GitCommit;
  return c.id ?? c.tag ?? '';
};

/** Groups by kind+key; a repeated key (two images of one repo) pairs up by position. */
function index(list: Entry[]): Map<string, Entry> {
  const map = new Map<string, Entry>();
  const seen = new Map<string, number>();
  for (const e of list) {
    const base = `${e.kind}\u0000${e.key}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    map.set(n === 1 ? base : `${base}\u0000${n}`, e);
  }
  return map;
}

/**
 * What changes when `incoming` Freight replaces `current` (or between any two freight): one row
 * per artifact, matched by kind and repository (chart: repository and name; generic artifact:
 * subscription). Rows are ordered commits, images, charts, generic artifacts, then key; a commit
 * that changed on a known forge links to the forge's compare page.
 */
export function diffFreight(
  current: FreightArtifacts | undefined,
  incoming: FreightArtifacts | undefined,
): ArtifactDiffRow[] {
  const before = index(entries(current));
  const after = index(entries(incoming));
  const rows: ArtifactDiffRow[] = [];
  for (const [id, inc] of after) {
    const cur = before.get(id);
    const change: ArtifactChange = !cur
      ? 'NEW'
      : cur.identity === inc.identity
        ? 'UNCHANGED'
        : 'CHANGED';
    const compareUrl =
      change === 'CHANGED' && cur && inc.kind === 'commit'
        ? forgeCompareUrl(inc.key, commitRef(cur.artifact), commitRef(inc.artifact))
        : undefined;
    rows.push({
      kind: inc.kind,
      key: inc.key,
      ...(cur ? { current: cur.label, currentArtifact: cur.artifact } : {}),
      incoming: inc.label,
      incomingArtifact: inc.artifact,
      change,
      ...(compareUrl ? { compareUrl } : {}),
    });
  }
  for (const [id, cur] of before) {
    if (after.has(id)) continue;
    rows.push({
      kind: cur.kind,
      key: cur.key,
      current: cur.label,
      currentArtifact: cur.artifact,
      change: 'REMOVED',
    });
  }
  return rows.sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
