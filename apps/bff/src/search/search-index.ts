import {
  compareFreightKeys,
  freightMatchReason,
  prepareFreightSearch,
  preparedMatchesTerms,
  type Freight,
  type FreightSortKey,
  type PreparedFreightSearch,
} from '@wharf/shared';
import type { SearchHit, SearchKind } from '@wharf/shared/api';
import type { ClusterCache } from '../cache/cluster-cache.js';
import { freightIndexOf, type FreightIndex } from '../read/freight-index.js';

/** Lower-cased names per project and kind, rebuilt for a project only when its objects changed. */
type NamedKind = Exclude<SearchKind, 'freight'>;
const NAMED: readonly NamedKind[] = ['stages', 'warehouses', 'promotions'];

interface Named {
  name: string;
  lower: string;
  /** A promotion's stage. */
  detail?: string;
}

export interface KindHits {
  hits: SearchHit[];
  total: number;
}

/** Better first: a name that starts with the words, then the shorter, then by name. */
function rankNamed(a: { hit: SearchHit; starts: boolean }, b: { hit: SearchHit; starts: boolean }) {
  return (
    Number(b.starts) - Number(a.starts) ||
    a.hit.name.length - b.hit.name.length ||
    a.hit.name.localeCompare(b.hit.name) ||
    a.hit.project.localeCompare(b.hit.project)
  );
}

/**
 * What global search looks through, kept from the shared cache: per project, the names of its
 * stages, warehouses and promotions (rebuilt for a project and kind only after that kind changed
 * there), and its freight through the freight index "scale" keeps (newest first), each freight's
 * searchable text prepared once per object version. A search reads memory only.
 */
export class SearchIndex {
  private readonly names = new Map<string, Map<NamedKind, Named[]>>();
  private readonly prepared = new WeakMap<Freight, PreparedFreightSearch>();
  private readonly freight: FreightIndex;
  private readonly onChange = ({ kind, change }: { kind: string; change: { obj: unknown } }) => {
    if (!(NAMED as readonly string[]).includes(kind)) return;
    const ns = (change.obj as { metadata: { namespace?: string } }).metadata.namespace;
    if (ns) this.names.get(ns)?.delete(kind as NamedKind);
  };

  constructor(private readonly cache: ClusterCache) {
    this.freight = freightIndexOf(cache);
    cache.on('change', this.onChange);
  }

  stop(): void {
    this.cache.off('change', this.onChange);
  }

  private namesOf(project: string, kind: NamedKind): Named[] {
    let byKind = this.names.get(project);
    if (!byKind) this.names.set(project, (byKind = new Map()));
    let list = byKind.get(kind);
    if (!list) {
      const objs = this.cache.get(kind).list(project) as {
        metadata: { name: string };
        spec?: { stage?: string };
      }[];
      list = objs.map((o) => ({
        name: o.metadata.name,
        lower: o.metadata.name.toLowerCase(),
        ...(kind === 'promotions' && o.spec?.stage ? { detail: `to ${o.spec.stage}` } : {}),
      }));
      byKind.set(kind, list);
    }
    return list;
  }

  /** Names of `kind` in these projects containing every term. */
  named(kind: NamedKind, projects: readonly string[], terms: string[], limit: number): KindHits {
    const found: { hit: SearchHit; starts: boolean }[] = [];
    for (const project of projects)
      for (const n of this.namesOf(project, kind))
        if (terms.every((t) => n.lower.includes(t)))
          found.push({
            hit: { project, kind, name: n.name, ...(n.detail ? { detail: n.detail } : {}) },
            starts: n.lower.startsWith(terms[0] ?? ''),
          });
    found.sort(rankNamed);
    return { hits: found.slice(0, limit).map((f) => f.hit), total: found.length };
  }

  /** Freight of these projects matching every term (the timeline's rule), newest first. */
  freightHits(projects: readonly string[], terms: string[], limit: number): KindHits {
    const found: { f: Freight; project: string; key: FreightSortKey }[] = [];
    for (const project of projects) {
      for (const { freight: f, key } of this.freight.project(project).ordered()) {
        let p = this.prepared.get(f);
        if (!p) this.prepared.set(f, (p = prepareFreightSearch(searchable(f))));
        if (preparedMatchesTerms(p, terms)) found.push({ f, project, key });
      }
    }
    found.sort((a, b) => compareFreightKeys(a.key, b.key));
    const hits = found.slice(0, limit).map(({ f, project }) => {
      const why = freightMatchReason(searchable(f), terms);
      return {
        project,
        kind: 'freight' as const,
        name: f.metadata.name,
        ...(f.alias ? { alias: f.alias } : {}),
        detail: `from ${f.origin.name}${why ? ` · ${why}` : ''}`,
      };
    });
    return { hits, total: found.length };
  }
}

const searchable = (f: Freight) => ({
  name: f.metadata.name,
  alias: f.alias,
  commits: f.commits ?? [],
  images: f.images ?? [],
  charts: f.charts ?? [],
});
