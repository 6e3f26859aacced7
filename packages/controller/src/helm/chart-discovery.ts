import {
  parseImageRepository,
  type ChartDiscoveryResult,
  type ChartSubscription,
} from '@wharf/shared';
import { parse } from 'yaml';
import type { RepoCredentials } from '../credentials/credentials.js';
import { httpGet } from '../http/http-get.js';
import { OciRepository } from '../registry/oci-client.js';
import { describeFailure } from '../registry/registry-errors.js';
import { parseVersion, selectVersions, type KargoVersion } from '../semver/kargo-semver.js';

const DEFAULT_LIMIT = 20;

interface RepoIndex {
  entries?: Record<string, { version?: string }[]>;
}

/** Versions of a chart in a classic repository's `index.yaml` (lenient semver, as Helm writes them). */
async function fromIndex(sub: ChartSubscription, creds: RepoCredentials | undefined, hint: string) {
  const url = `${sub.repoURL.replace(/\/$/, '')}/index.yaml`;
  const body = await httpGet(url, {
    ...(creds ? { username: creds.username, password: creds.password } : {}),
    ...(sub.insecureSkipTLSVerify ? { insecureSkipTLSVerify: true } : {}),
  }).catch((err: unknown) => {
    throw describeFailure(err, new URL(url).host, `the repository index at ${url}`, {
      ...(creds ? { credentials: creds.secret } : {}),
      noCredentials: hint,
    });
  });
  const index = (parse(body.toString('utf8')) ?? {}) as RepoIndex;
  return (index.entries?.[sub.name ?? ''] ?? [])
    .map((e) => parseVersion(String(e.version ?? '')))
    .filter((v) => v !== undefined);
}

/** Versions of an OCI chart from its tags; OCI tags can't hold "+", so Helm writes "_" instead. */
async function fromOci(sub: ChartSubscription, creds: RepoCredentials | undefined, hint: string) {
  const where = parseImageRepository(sub.repoURL.replace(/^oci:\/\//, ''));
  if (!where) throw new Error(`repository URL "${sub.repoURL}" is invalid`);
  const repo = new OciRepository({
    ...where,
    ...(creds ? { username: creds.username, password: creds.password, secret: creds.secret } : {}),
    ...(sub.insecureSkipTLSVerify ? { insecureSkipTLSVerify: true } : {}),
    noCredentialsHint: hint,
  });
  const versions: KargoVersion[] = [];
  for (const tag of await repo.tags()) {
    const v = parseVersion(tag.replace(/_/g, '+'), true);
    if (v && !v.original.startsWith('v')) versions.push(v);
  }
  return versions;
}

/** Chart versions for one subscription, newest first, at most `discoveryLimit` (default 20). */
export async function discoverChartVersions(
  sub: ChartSubscription,
  creds: RepoCredentials | undefined,
  noCredentialsHint: string,
): Promise<ChartDiscoveryResult> {
  let all: KargoVersion[];
  if (/^https?:\/\//.test(sub.repoURL)) {
    if (!sub.name)
      throw new Error('name must be non-empty if repoURL starts with http:// or https://');
    all = await fromIndex(sub, creds, noCredentialsHint);
  } else if (sub.repoURL.startsWith('oci://')) all = await fromOci(sub, creds, noCredentialsHint);
  else throw new Error(`repository URL "${sub.repoURL}" is invalid`);
  const limit = sub.discoveryLimit && sub.discoveryLimit > 0 ? sub.discoveryLimit : DEFAULT_LIMIT;
  const versions = selectVersions(all, sub.semverConstraint, limit).map((v) => v.original);
  return {
    repoURL: sub.repoURL,
    ...(sub.name ? { name: sub.name } : {}),
    ...(sub.semverConstraint ? { semverConstraint: sub.semverConstraint } : {}),
    ...(versions.length ? { versions } : {}),
  };
}
