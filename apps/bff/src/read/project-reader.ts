import type { Freight, Project } from '@wharf/shared';
import type { PartialError } from '@wharf/shared/api';
import type { ClusterCache } from '../cache/cluster-cache.js';
import type { KindName, ObjectOf } from '../cache/kinds.js';
import type { StageViewContext } from '../views/stage-view.js';
import { freightIndexOf, type ProjectFreight } from './freight-index.js';

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
    /** Wharf's own actor (`kubernetes:<its username>`), once known. */
    private readonly wharfActor: () => string | undefined = () => undefined,
  ) {}

  readonly errors: PartialError[] = [];

  /** Objects of `kind` in this project; records an error when that informer is not synced. */
  list<K extends KindName>(kind: K): ObjectOf<K>[] {
    this.noteState(kind);
    return this.cache.get(kind).list(this.project);
  }

  /** Records an error when the informer of `kind` is not synced. */
  private noteState(kind: KindName): void {
    const inf = this.cache.get(kind);
    if (inf.state !== 'synced' && !this.errors.some((e) => e.kind === kind)) {
      this.errors.push({ kind, message: notLiveMessage(kind, inf.state, inf.lastError) });
    }
  }

  get<K extends KindName>(kind: K, name: string): ObjectOf<K> | undefined {
    return this.cache.get(kind).get(this.project, name);
  }

  projectObject(): Project | undefined {
    return this.cache.get('projects').get(undefined, this.project);
  }

  freightByAlias(alias: string): Freight | undefined {
    for (const e of this.freight().ordered()) if (e.freight.alias === alias) return e.freight;
    return undefined;
  }

  /** Looks up freight aliases (and holding times) for views of stages and promotions. */
  viewContext(): StageViewContext {
    const inf = this.cache.get('freight');
    return {
      aliasOf: (name) => inf.get(this.project, name)?.alias,
      sinceOf: (name, stage) => inf.get(this.project, name)?.status?.currentlyIn?.[stage]?.since,
      argoCdUrl: this.argoCdUrl,
      wharfActor: this.wharfActor(),
    };
  }

  /** This project's freight, indexed (order, cursors, which stage holds what). */
  freight(): ProjectFreight {
    this.noteState('freight');
    return freightIndexOf(this.cache).project(this.project);
  }
}
