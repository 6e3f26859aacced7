// The BFF's seam, re-exported so identity code imports it from one place.
export type { AccessCheck, AccessDecision, Caller, CallerResolver } from '../access/caller.js';
export { describeCheck } from '../access/access-review.js';
