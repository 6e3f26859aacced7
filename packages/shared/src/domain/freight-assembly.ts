import type { RepoSubscription } from '../kargo/warehouse.js';
import type { FreightArtifacts } from './freight-name.js';
import { normalizeChartCredentialUrl } from './image-ref.js';
import { goPathJoin, normalizeGitUrl } from './repo-url.js';

const gitKey = (url: string) => `commits ${normalizeGitUrl(url)}`;
const imageKey = (url: string) => `images ${url}`;
const chartKey = (url: string, name: string | undefined) =>
  `charts ${goPathJoin(normalizeChartCredentialUrl(url), name ?? '')}`;

/** The artifact slots a Warehouse's subscriptions define, as Kargo's Freight webhook keys them. */
export function subscriptionSlots(subs: RepoSubscription[]): Map<string, string> {
  const slots = new Map<string, string>();
  for (const s of subs) {
    if (s.git) slots.set(gitKey(s.git.repoURL), s.git.repoURL);
    if (s.image) slots.set(imageKey(s.image.repoURL), s.image.repoURL);
    if (s.chart)
      slots.set(
        chartKey(s.chart.repoURL, s.chart.name),
        s.chart.name ? `${s.chart.repoURL} (${s.chart.name})` : s.chart.repoURL,
      );
  }
  return slots;
}

/**
 * Kargo's check of hand-made Freight against its Warehouse: at least one artifact, each from a
 * subscription, and exactly one per subscription. Empty when the Freight may be created.
 */
export function freightAssemblyProblems(
  warehouse: string,
  subs: RepoSubscription[],
  a: FreightArtifacts,
): string[] {
  const slots = subscriptionSlots(subs);
  const counts = new Map<string, number>();
  const problems: string[] = [];
  const take = (key: string, what: string) => {
    if (!slots.has(key)) {
      problems.push(`no subscription of warehouse "${warehouse}" provides ${what}`);
      return;
    }
    counts.set(key, (counts.get(key) ?? 0) + 1);
  };
  for (const c of a.commits ?? []) take(gitKey(c.repoURL ?? ''), `commits of ${c.repoURL ?? ''}`);
  for (const i of a.images ?? []) take(imageKey(i.repoURL ?? ''), `images of ${i.repoURL ?? ''}`);
  for (const c of a.charts ?? [])
    take(chartKey(c.repoURL ?? '', c.name), `chart ${c.name ?? ''} of ${c.repoURL ?? ''}`);
  if ((a.commits?.length ?? 0) + (a.images?.length ?? 0) + (a.charts?.length ?? 0) === 0)
    problems.push('freight must contain at least one commit, image, or chart');
  for (const [key, label] of slots) {
    const n = counts.get(key) ?? 0;
    if (n === 0) problems.push(`pick one version for subscription ${label}`);
    if (n > 1) problems.push(`pick only one version for subscription ${label}`);
  }
  return problems;
}
