// Query parameters shared by write requests.
import type { UserInfo } from '../rbac/index.js';
import type { Caller } from '../context.js';
import { errors } from '../errors/status.js';

export function callerFrom(user: UserInfo, q: URLSearchParams): Caller {
  const dry = q.getAll('dryRun');
  for (const d of dry)
    if (d !== 'All')
      throw errors.badRequest(`dryRun: Unsupported value: "${d}": supported values: "All"`);
  const fieldManager = q.get('fieldManager') ?? undefined;
  if (fieldManager && fieldManager.length > 128)
    throw errors.badRequest('fieldManager: Too long: may not be more than 128 bytes');
  const fv = q.get('fieldValidation') ?? undefined;
  if (fv !== undefined && fv !== 'Ignore' && fv !== 'Warn' && fv !== 'Strict')
    throw errors.badRequest(
      `fieldValidation: Unsupported value: "${fv}": supported values: "Ignore", "Strict", "Warn"`,
    );
  return {
    user,
    dryRun: dry.length > 0,
    ...(fieldManager ? { fieldManager } : {}),
    ...(fv ? { fieldValidation: fv } : {}),
  };
}
