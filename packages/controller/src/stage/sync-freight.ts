import type { Freight } from '@wharf/shared';
import { formatDuration, parseDuration, rfc3339 } from '../kube/clock.js';

export type FreightPatch = Record<string, unknown>;

/** Merges status patches for one Freight (both are JSON merge patches of `status`). */
export function mergePatch(a: FreightPatch | undefined, b: FreightPatch): FreightPatch {
  const out: FreightPatch = { ...(a ?? {}) };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      prev && v && typeof prev === 'object' && typeof v === 'object' && !Array.isArray(v)
        ? mergePatch(prev as FreightPatch, v as FreightPatch)
        : v;
  }
  return out;
}

/**
 * Step 3: Freight the Stage holds gets `currentlyIn[S].since`; Freight leaving loses it and, if it
 * was verified there, keeps the longest stay in `verifiedIn[S].longestSoak`.
 */
export function syncFreight(
  stage: string,
  held: ReadonlySet<string>,
  freights: Freight[],
  now: Date,
): Map<string, FreightPatch> {
  const patches = new Map<string, FreightPatch>();
  for (const f of freights) {
    const since = f.status?.currentlyIn?.[stage];
    if (held.has(f.metadata.name) && !since)
      patches.set(f.metadata.name, { currentlyIn: { [stage]: { since: rfc3339(now) } } });
    if (!held.has(f.metadata.name) && since) {
      const patch: FreightPatch = { currentlyIn: { [stage]: null } };
      const verified = f.status?.verifiedIn?.[stage];
      if (verified) {
        const stay = since.since ? now.getTime() - Date.parse(since.since) : 0;
        const longest = Math.max(stay, parseDuration(verified.longestSoak, 0));
        patch.verifiedIn = { [stage]: { longestSoak: formatDuration(longest) } };
      }
      patches.set(f.metadata.name, patch);
    }
  }
  return patches;
}
