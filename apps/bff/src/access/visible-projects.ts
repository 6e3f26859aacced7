import { KARGO_GROUP } from '@wharf/shared';
import type { Caller } from './caller.js';

/**
 * The projects the caller may see: every project when Kubernetes lets the caller list projects,
 * else each project it may get, or whose stages it may list. The last is how Kargo's own
 * project roles show a project (they are Roles in its namespace, which can't grant the
 * cluster-scoped Project), as Kargo's "my projects" lists those the user holds a role in.
 * Kubernetes answers every question (one rules review per namespace); the BFF keeps no table.
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
      const inNamespace = caller.authorize({
        verb: 'list',
        group: KARGO_GROUP,
        resource: 'stages',
        namespace: name,
      });
      const project = caller.authorize({
        verb: 'get',
        group: KARGO_GROUP,
        resource: 'projects',
        name,
      });
      return (await inNamespace).allowed || (await project).allowed ? name : undefined;
    }),
  );
  return seen.filter((n) => n !== undefined);
}
