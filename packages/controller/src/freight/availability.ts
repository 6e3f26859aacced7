import type { Freight, Stage } from '@wharf/shared';
import { parseDuration } from '../kube/clock.js';

export type Availability = { available: true } | { available: false; message: string };

function soakedMs(f: Freight, stage: string, now: number): number {
  const longest = parseDuration(f.status?.verifiedIn?.[stage]?.longestSoak, 0);
  const since = f.status?.currentlyIn?.[stage]?.since;
  const current = since ? Math.max(0, now - Date.parse(since)) : 0;
  return Math.max(longest, current);
}

/**
 * Kargo's availability rule: the Stage requests the Freight's origin, and the Freight is approved
 * for it, or the origin is taken directly, or it is verified (and soaked) upstream — one upstream
 * for `OneOf`/"", every one for `All`.
 */
export function availability(
  f: Freight,
  stage: Pick<Stage, 'spec' | 'metadata'>,
  now: Date,
): Availability {
  const name = stage.metadata.name;
  const req = stage.spec.requestedFreight.find(
    (r) => r.origin.kind === f.origin.kind && r.origin.name === f.origin.name,
  );
  if (!req)
    return {
      available: false,
      message: `Stage "${name}" does not request Freight from ${f.origin.kind} "${f.origin.name}".`,
    };
  if (f.status?.approvedFor?.[name] || req.sources.direct) return { available: true };
  const upstreams = req.sources.stages ?? [];
  const soakMs = parseDuration(req.sources.requiredSoakTime, 0);
  const ok = upstreams.filter(
    (u) => f.status?.verifiedIn?.[u] && soakedMs(f, u, now.getTime()) >= soakMs,
  );
  const all = req.sources.availabilityStrategy === 'All';
  if (upstreams.length > 0 && (all ? ok.length === upstreams.length : ok.length > 0))
    return { available: true };
  const where = upstreams.length ? upstreams.map((u) => `"${u}"`).join(', ') : 'no upstream Stage';
  const soak = soakMs ? ` for ${req.sources.requiredSoakTime}` : '';
  return {
    available: false,
    message: `Freight "${f.metadata.name}" is not available to Stage "${name}": it is not approved for it and not verified${soak} in ${all ? 'all of' : 'one of'} ${where}.`,
  };
}
