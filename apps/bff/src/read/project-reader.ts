import type { Freight, Project } from '@wharf/shared';
import type { PartialError } from '@wharf/shared/api';
import type { ClusterCache } from '../cache/cluster-cache.js';
import type { KindName, ObjectOf } from '../cache/kinds.js';
import type { StageViewContext } from '../views/stage-view.js';

function notLiveMessage(kind: string, state: string, error: string | undefined): string {
  if (state === 'starting') return `${kind} are still loading from Kubernetes.`;
  if (state === 'forbidden')
    return `Wharf may not read ${kind} (Kubernetes answered forbidden); an admin can grant it (deploy/rbac).`;
  return `${kind} may be stale: the watch failed (${error ?? 'unknown error'}); retrying.`;
}

/** Reads one project's objects from the shared cache and says which kinds could not be read. */
export class ProjectReader {
  constructor(
    private readonly cache: ClusterCache,
    readonly project: string,
    private readonly argoCdUrl?: string,
  ) {}

  readonly errors: PartialError[] = [];

  /** Objects of `kind` in this project; records an error when that informer is not synced. */
  list<K extends KindName>(kind: K): ObjectOf<K>[] {
    const inf = this.cache.get(kind);
    if (inf.state !== 'synced' && !this.errors.some((e) => e.kind === kind)) {
      this.errors.push({ kind, message: notLiveMessage(kind, inf.state, inf.lastError) });
    }
    return inf.list(this.project);
  }

  get<K extends KindName>(kind: K, name: string): ObjectOf<K> | undefined {
    return this.cache.get(kind).get(this.project, name);
  }

  projectObject(): Project | undefined {
    return this.cache.get('projects').get(undefined, this.project);
  }

  freightByAlias(alias: string): Freight | undefined {
    return this.cache
      .get('freight')
      .list(this.project)
      .find((f) => f.alias === alias);
  }

  /** Looks up freight aliases for views of stages and promotions. */
  viewContext(): StageViewContext {
    const inf = this.cache.get('freight');
    return { aliasOf: (name) => inf.get(this.project, name)?.alias, argoCdUrl: this.argoCdUrl };
  }
}
