import type { ApiErrorBody } from '@wharf/shared/api';
import { ForbiddenError } from '../errors/http-errors.js';

/**
 * Per-item results report a partial success. When Kubernetes allowed none of the items, nothing
 * happened because the caller may do none of it: that is a 403, not a 2xx with a list of refusals.
 */
export function refuseWhenNothingAllowed(errors: (ApiErrorBody | undefined)[], what: string) {
  if (errors.length === 0 || !errors.every((e) => e?.name === 'ForbiddenError')) return;
  const first = errors[0]?.message ?? '';
  throw new ForbiddenError(`You may not ${what}; nothing was changed. ${first}`.trim());
}
