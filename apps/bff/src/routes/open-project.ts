import { KARGO_GROUP } from '@wharf/shared';
import type { Caller } from '../access/caller.js';
import { kargoCheck, requireAccess } from '../access/require.js';
import { NotFoundError } from '../errors/http-errors.js';
import type { ProjectReader } from '../read/project-reader.js';
import type { ReadModels } from '../read/read-models.js';

/** Opens a project for reading after Kubernetes says the caller may list `resource` there. */
export async function open(
  models: ReadModels,
  caller: Caller,
  project: string,
  resource: string,
  group = KARGO_GROUP,
): Promise<ProjectReader> {
  const r = models.reader(project);
  if (!r.projectObject()) throw new NotFoundError(`There is no project "${project}".`);
  await requireAccess(caller, { ...kargoCheck('list', resource, project), group });
  return r;
}

export function found<T>(obj: T | undefined, what: string): T {
  if (obj === undefined) throw new NotFoundError(`There is no ${what}.`);
  return obj;
}
