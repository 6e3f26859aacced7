import { KARGO_GROUP } from '@wharf/shared';
import type { Caller } from './caller.js';

/**
 * The projects the caller may see, as the project list decides it: every project when
 * Kubernetes lets the caller list projects, else each project it may get. Kubernetes answers
 * every question; the BFF keeps no table of its own.
 */
export async function visibleProjects(caller: Caller, names: readonly string[]): Promise<string[]> {
  const listAll = await caller.authorize({
    verb: 'list',
    group: KARGO_GROUP,
    resource: 'projects',
  });
  if (listAll.allowed) return [...names];
  const seen = await Promise.all(
    names.map(async (name) => {
      const d = await caller.authorize({
        verb: 'get',
        group: KARGO_GROUP,
        resource: 'projects',
        name,
      });
      return d.allowed ? name : undefined;
    }),
  );
  return seen.filter((n) => n !== undefined);
}
