import type { RepoSubscription } from '@wharf/shared';
import type {
  CreateFreightRequest,
  DiscoveredArtifactsView,
  FreightView,
  SubscriptionView,
} from '@wharf/shared/api';

/** Artifacts as the create request carries them. */
export type PickedArtifacts = Omit<CreateFreightRequest, 'alias'>;

/** One row of a subscription's table: a version the user may pick. */
export interface ArtifactOption {
  id: string;
  version: string;
  digest?: string;
  createdAt?: string;
  /** "discovered", or the freight it was cloned from. */
  source: string;
  pick: PickedArtifacts;
}

export interface SubscriptionOptions {
  key: string;
  kind: 'image' | 'git' | 'chart';
  repoURL: string;
  chartName?: string;
  label: string;
  options: ArtifactOption[];
}

const short = (id: string | undefined) => (id ?? '').slice(0, 7);

/**
 * Every subscription of the warehouse with the versions it discovered, newest first, plus the
 * artifacts of the freight being cloned when discovery no longer lists them.
 */
export function assemblyOptions(
  subscriptions: SubscriptionView[],
  found: DiscoveredArtifactsView,
  clone: FreightView | undefined,
): SubscriptionOptions[] {
  const from = clone ? `freight ${clone.alias ?? short(clone.name)}` : '';
  return subscriptions.flatMap((s, i): SubscriptionOptions[] => {
    const repoURL = s.repoURL ?? '';
    if (s.type === 'image') {
      const refs = found.images.filter((x) => x.repoURL === repoURL).flatMap((x) => x.references);
      const options: ArtifactOption[] = refs.map((r) => ({
        id: `${r.tag}@${r.digest}`,
        version: r.tag,
        digest: r.digest,
        ...(r.createdAt ? { createdAt: r.createdAt } : {}),
        source: 'discovered',
        pick: { images: [{ repoURL, tag: r.tag, digest: r.digest }] },
      }));
      for (const img of clone?.images ?? [])
        if (img.repoURL === repoURL && !options.some((o) => o.id === `${img.tag}@${img.digest}`))
          options.push({
            id: `${img.tag ?? ''}@${img.digest ?? ''}`,
            version: img.tag ?? '',
            ...(img.digest ? { digest: img.digest } : {}),
            source: from,
            pick: { images: [{ repoURL, tag: img.tag ?? '', digest: img.digest ?? '' }] },
          });
      return [{ key: `image-${i}`, kind: 'image', repoURL, label: `Image ${repoURL}`, options }];
    }
    if (s.type === 'git') {
      const commits = found.git.filter((x) => x.repoURL === repoURL).flatMap((x) => x.commits);
      const options: ArtifactOption[] = commits.map((c) => ({
        id: c.id ?? '',
        version: c.tag ?? `${short(c.id)} ${c.subject ?? ''}`.trim(),
        digest: c.id ?? '',
        ...(c.creatorDate ? { createdAt: c.creatorDate } : {}),
        source: 'discovered',
        pick: {
          commits: [
            {
              repoURL,
              id: c.id ?? '',
              ...(c.tag ? { tag: c.tag } : c.branch ? { branch: c.branch } : {}),
            },
          ],
        },
      }));
      for (const c of clone?.commits ?? [])
        if (c.repoURL === repoURL && !options.some((o) => o.id === c.id))
          options.push({
            id: c.id ?? '',
            version: c.tag ?? short(c.id),
            digest: c.id ?? '',
            source: from,
            pick: {
              commits: [
                {
                  repoURL,
                  id: c.id ?? '',
                  ...(c.tag ? { tag: c.tag } : c.branch ? { branch: c.branch } : {}),
                },
              ],
            },
          });
      return [{ key: `git-${i}`, kind: 'git', repoURL, label: `Git ${repoURL}`, options }];
    }
    if (s.type === 'chart') {
      const name = s.name;
      const versions = found.charts
        .filter((x) => x.repoURL === repoURL && (x.name ?? '') === (name ?? ''))
        .flatMap((x) => x.versions);
      const chart = (version: string) => ({
        charts: [{ repoURL, ...(name ? { name } : {}), version }],
      });
      const options: ArtifactOption[] = versions.map((v) => ({
        id: v,
        version: v,
        source: 'discovered',
        pick: chart(v),
      }));
      for (const c of clone?.charts ?? [])
        if (c.repoURL === repoURL && c.version && !versions.includes(c.version))
          options.push({ id: c.version, version: c.version, source: from, pick: chart(c.version) });
      return [
        {
          key: `chart-${i}`,
          kind: 'chart',
          repoURL,
          ...(name ? { chartName: name } : {}),
          label: `Chart ${name ? `${name} from ` : ''}${repoURL}`,
          options,
        },
      ];
    }
    return [];
  });
}

/** The id of the row that holds the cloned freight's artifact for a subscription. */
function clonedId(s: SubscriptionOptions, clone: FreightView): string | undefined {
  if (s.kind === 'image') {
    const i = clone.images.find((x) => x.repoURL === s.repoURL);
    return i ? `${i.tag ?? ''}@${i.digest ?? ''}` : undefined;
  }
  if (s.kind === 'git') return clone.commits.find((x) => x.repoURL === s.repoURL)?.id;
  return clone.charts.find((x) => x.repoURL === s.repoURL && (x.name ?? '') === (s.chartName ?? ''))
    ?.version;
}

/** The cloned freight's version of each subscription, else the newest discovered one. */
export function initialPicks(
  subs: SubscriptionOptions[],
  clone: FreightView | undefined,
): Record<string, string> {
  const picks: Record<string, string> = {};
  for (const s of subs) {
    const id = (clone && clonedId(s, clone)) ?? s.options[0]?.id;
    if (id !== undefined) picks[s.key] = id;
  }
  return picks;
}

/** The artifacts of the chosen rows, merged into one Freight's worth. */
export function pickedArtifacts(
  subs: SubscriptionOptions[],
  picks: Record<string, string>,
): PickedArtifacts {
  const out: Required<PickedArtifacts> = { commits: [], images: [], charts: [] };
  for (const s of subs) {
    const o = s.options.find((x) => x.id === picks[s.key]);
    out.commits.push(...(o?.pick.commits ?? []));
    out.images.push(...(o?.pick.images ?? []));
    out.charts.push(...(o?.pick.charts ?? []));
  }
  return out;
}

/** The warehouse's subscriptions as the shared assembly rule reads them. */
export function asRepoSubscriptions(subscriptions: SubscriptionView[]): RepoSubscription[] {
  return subscriptions.flatMap((s): RepoSubscription[] => {
    const repoURL = s.repoURL ?? '';
    if (s.type === 'image') return [{ image: { repoURL } }];
    if (s.type === 'git') return [{ git: { repoURL } }];
    if (s.type === 'chart') return [{ chart: { repoURL, ...(s.name ? { name: s.name } : {}) } }];
    return [];
  });
}
