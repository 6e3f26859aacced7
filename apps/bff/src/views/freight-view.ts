import { freightAvailability, stageNames, type Freight, type Stage } from '@wharf/shared';
import type { FreightAvailability, FreightListItem, FreightView } from '@wharf/shared/api';
import { chartView, commitView, genericArtifactView, imageView } from './artifact-views.js';
import { defined, metaBase } from './common.js';

export function toFreightView(f: Freight): FreightView {
  const st = f.status;
  return {
    ...metaBase(f.metadata),
    ...defined({ alias: f.alias, discoveredAt: f.discoveredAt }),
    origin: { kind: f.origin.kind, name: f.origin.name },
    commits: (f.commits ?? []).map(commitView),
    images: (f.images ?? []).map(imageView),
    charts: (f.charts ?? []).map(chartView),
    artifacts: (f.artifacts ?? []).map(genericArtifactView),
    currentlyIn: Object.entries(st?.currentlyIn ?? {}).map(([stage, v]) => ({
      stage,
      ...defined({ since: v.since }),
    })),
    verifiedIn: Object.entries(st?.verifiedIn ?? {}).map(([stage, v]) => ({
      stage,
      ...defined({ verifiedAt: v.verifiedAt, longestSoak: v.longestSoak }),
    })),
    approvedFor: Object.entries(st?.approvedFor ?? {}).map(([stage, v]) => ({
      stage,
      ...defined({ approvedAt: v.approvedAt }),
    })),
  };
}

/**
 * Availability for each of `asked` that requests the freight's origin (shared rules, Kargo's
 * order); `stages` are all the project's stages, to name upstreams that do not exist.
 */
export function availabilityOf(
  f: Freight,
  asked: readonly Stage[],
  now: number,
  known: ReadonlySet<string>,
): FreightAvailability[] {
  return asked
    .filter((s) =>
      s.spec.requestedFreight.some(
        (r) => r.origin.kind === f.origin.kind && r.origin.name === f.origin.name,
      ),
    )
    .map((s) => {
      const a = freightAvailability(f, s, now, known);
      return a.available
        ? { stage: s.metadata.name, available: true }
        : { stage: s.metadata.name, available: false, reason: a.message };
    });
}

/** One freight with its availability for every stage that requests its origin. */
export function toFreightListItem(f: Freight, stages: Stage[], now: number): FreightListItem {
  return { ...toFreightView(f), availability: availabilityOf(f, stages, now, stageNames(stages)) };
}
