import type { Freight } from '../kargo/freight.js';
import type { FreightRequest, Stage } from '../kargo/stage.js';
import { formatDuration, parseGoDuration } from './duration.js';
import { isSoaking, soakedMs } from './soak.js';

export type AvailableVia = 'approved' | 'direct' | 'verified-upstream';

export type UnavailableReason =
  /** The Stage does not request Freight from this Freight's origin. */
  | 'origin-not-requested'
  /** The Stage takes this origin neither directly nor from any upstream Stage. */
  | 'no-sources'
  /** Not verified in the upstream Stage(s) the strategy needs. */
  | 'not-verified-upstream'
  /** Verified upstream and still there; the soak clock is running. */
  | 'soaking'
  /** Verified upstream but left before soaking long enough; it will not soak further. */
  | 'soak-not-met'
  /** `requiredSoakTime` is not a Go duration. */
  | 'invalid-soak-time';

export type FreightAvailability =
  | { available: true; via: AvailableVia; upstream?: string }
  | {
      available: false;
      reason: UnavailableReason;
      /** A sentence a person understands. */
      message: string;
      /** For `soaking`: how long until the first (OneOf) or last (All) upstream has soaked. */
      soakRemainingMs?: number;
      /** Upstream Stages the Freight still has to be verified in. */
      missingUpstreams?: string[];
      /** Upstream Stages named by the Stage that do not exist (only when allStages is given). */
      unknownUpstreams?: string[];
    };

type UpstreamState =
  | { name: string; state: 'ok' | 'unverified' | 'stalled' }
  | { name: string; state: 'soaking'; remainingMs: number };

/** The Stage's request for this Freight's origin, if any. */
export function requestForOrigin(
  stage: Pick<Stage, 'spec'>,
  origin: Freight['origin'],
): FreightRequest | undefined {
  return stage.spec.requestedFreight.find(
    (r) => r.origin.kind === origin.kind && r.origin.name === origin.name,
  );
}

function upstreamState(
  freight: Freight,
  name: string,
  requiredMs: number,
  now: Date | number,
): UpstreamState {
  if (!freight.status?.verifiedIn?.[name]) return { name, state: 'unverified' };
  if (requiredMs <= 0) return { name, state: 'ok' };
  const soaked = soakedMs(freight, name, now);
  if (soaked >= requiredMs) return { name, state: 'ok' };
  if (!isSoaking(freight, name)) return { name, state: 'stalled' };
  return { name, state: 'soaking', remainingMs: requiredMs - soaked };
}

/**
 * The project's stages, to name upstreams that do not exist: the objects, or (cheaper when asked
 * for many freight) the set of their names.
 */
export type KnownStages = ReadonlyArray<Pick<Stage, 'metadata'>> | ReadonlySet<string>;

const isNameSet = (k: KnownStages): k is ReadonlySet<string> => k instanceof Set;

/** The names of the given stages, built once and passed as `allStages` to many calls. */
export function stageNames(stages: ReadonlyArray<Pick<Stage, 'metadata'>>): ReadonlySet<string> {
  return new Set(stages.map((s) => s.metadata.name));
}

const quoted = (names: string[]) => names.map((n) => `"${n}"`).join(', ');

/**
 * Whether Freight may be promoted to a Stage now, and if not, why. Rules (Kargo's):
 * the Stage must request the Freight's origin; then it is available if approved for the Stage,
 * if the Stage takes that origin directly, or if it is verified in the upstream Stages
 * (`OneOf`/"": any one; `All`: every one) and has soaked `requiredSoakTime` in each counted one.
 */
export function freightAvailability(
  freight: Freight,
  stage: Pick<Stage, 'spec' | 'metadata'>,
  now: Date | number,
  allStages?: KnownStages,
): FreightAvailability {
  const stageName = stage.metadata.name;
  const request = requestForOrigin(stage, freight.origin);
  if (!request) {
    return {
      available: false,
      reason: 'origin-not-requested',
      message: `Stage "${stageName}" does not take Freight from ${freight.origin.kind} "${freight.origin.name}".`,
    };
  }
  if (freight.status?.approvedFor?.[stageName]) return { available: true, via: 'approved' };
  if (request.sources.direct) return { available: true, via: 'direct' };
  return upstreamAvailability(freight, stageName, request, now, allStages);
}

function upstreamAvailability(
  freight: Freight,
  stageName: string,
  request: FreightRequest,
  now: Date | number,
  allStages?: KnownStages,
): FreightAvailability {
  const upstreams = request.sources.stages ?? [];
  if (upstreams.length === 0) {
    return {
      available: false,
      reason: 'no-sources',
      message: `Stage "${stageName}" takes Freight from "${request.origin.name}" neither directly nor from an upstream stage; only an approval makes it available.`,
    };
  }
  const soakText = request.sources.requiredSoakTime;
  const requiredMs = soakText ? parseGoDuration(soakText) : 0;
  if (requiredMs === null) {
    return {
      available: false,
      reason: 'invalid-soak-time',
      message: `Stage "${stageName}" has requiredSoakTime "${soakText}", which is not a duration like "1h30m".`,
    };
  }
  const known = allStages === undefined || isNameSet(allStages) ? allStages : stageNames(allStages);
  const unknown = known ? upstreams.filter((u) => !known.has(u)) : [];
  const unknownUpstreams = unknown.length > 0 ? { unknownUpstreams: unknown } : {};
  const states = upstreams.map((u) => upstreamState(freight, u, requiredMs, now));
  const all = request.sources.availabilityStrategy === 'All';
  const ok = states.filter((s) => s.state === 'ok');
  if (all ? ok.length === states.length : ok.length > 0) {
    return { available: true, via: 'verified-upstream', upstream: ok[0]?.name };
  }
  const unverified = states.filter((s) => s.state === 'unverified').map((s) => s.name);
  const soaking = states.flatMap((s) => (s.state === 'soaking' ? [s.remainingMs] : []));
  const stalled = states.filter((s) => s.state === 'stalled').map((s) => s.name);
  const soakTime = formatDuration(requiredMs);
  if (all && unverified.length > 0) {
    const missing = unknown.length > 0 ? ` (${quoted(unknown)} does not exist)` : '';
    return {
      available: false,
      reason: 'not-verified-upstream',
      message: `Not yet verified in ${quoted(unverified)}; Stage "${stageName}" needs it verified in all of ${quoted(upstreams)}${missing}.`,
      missingUpstreams: unverified,
      ...unknownUpstreams,
    };
  }
  if (all ? stalled.length === 0 : soaking.length > 0) {
    const remaining = all ? Math.max(...soaking) : Math.min(...soaking);
    return {
      available: false,
      reason: 'soaking',
      message: `Soaking upstream: available to "${stageName}" in ${formatDuration(remaining)} (needs ${soakText} in ${all ? 'each' : 'one'} of ${quoted(upstreams)}).`,
      soakRemainingMs: remaining,
      ...unknownUpstreams,
    };
  }
  if (stalled.length > 0) {
    return {
      available: false,
      reason: 'soak-not-met',
      message: `Verified in ${quoted(stalled)} but left before soaking ${soakTime} there; promote it there again to finish soaking.`,
      ...unknownUpstreams,
    };
  }
  const missing = unknown.length > 0 ? ` (${quoted(unknown)} does not exist)` : '';
  return {
    available: false,
    reason: 'not-verified-upstream',
    message: `Not yet verified in ${upstreams.length > 1 ? 'any of ' : ''}${quoted(upstreams)}${missing}; Stage "${stageName}" takes Freight from there.`,
    missingUpstreams: unverified,
    ...unknownUpstreams,
  };
}
