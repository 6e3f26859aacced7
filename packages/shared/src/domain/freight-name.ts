import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { ArtifactReference, Chart, GitCommit, Image } from '../kargo/artifacts.js';
import { goPathJoin, normalizeChartRepoUrl, normalizeGitUrl } from './repo-url.js';

export interface FreightArtifacts {
  commits?: GitCommit[] | undefined;
  images?: Image[] | undefined;
  charts?: Chart[] | undefined;
  /** Versions from generic subscriptions. */
  artifacts?: ArtifactReference[] | undefined;
}

/**
 * The canonical key of each artifact, sorted, as Kargo hashes them:
 * commit `normalizedRepo[:tag]:id`, image `repoURL:tag@digest`, chart `path.Join(repo, name):version`,
 * generic artifact `artifactType:subscriptionName:version`.
 */
export function freightArtifactKeys(artifacts: FreightArtifacts): string[] {
  const keys: string[] = [];
  for (const c of artifacts.commits ?? []) {
    const repo = normalizeGitUrl(c.repoURL ?? '');
    keys.push(c.tag ? `${repo}:${c.tag}:${c.id ?? ''}` : `${repo}:${c.id ?? ''}`);
  }
  for (const i of artifacts.images ?? []) {
    keys.push(`${i.repoURL ?? ''}:${i.tag ?? ''}@${i.digest ?? ''}`);
  }
  for (const ch of artifacts.charts ?? []) {
    const repo = goPathJoin(normalizeChartRepoUrl(ch.repoURL ?? ''), ch.name ?? '');
    keys.push(`${repo}:${ch.version ?? ''}`);
  }
  for (const a of artifacts.artifacts ?? []) {
    keys.push(`${a.artifactType ?? ''}:${a.subscriptionName}:${a.version}`);
  }
  // Byte order, like Go's sort.Strings (not locale order).
  return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The name Kargo gives Freight: hex SHA-1 of `Warehouse/<warehouse>:` + sorted keys joined by `|`. */
export function freightName(warehouse: string, artifacts: FreightArtifacts): string {
  const input = `Warehouse/${warehouse}:${freightArtifactKeys(artifacts).join('|')}`;
  return bytesToHex(sha1(utf8ToBytes(input)));
}

/**
 * The id Kargo gives a freight collection (what a Stage holds at once): hex SHA-1 of the names
 * of its Freight, sorted and joined by commas. Equal contents, equal ids.
 */
export function freightCollectionId(freightNames: readonly string[]): string {
  const sorted = [...freightNames].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return bytesToHex(sha1(utf8ToBytes(sorted.join(','))));
}
