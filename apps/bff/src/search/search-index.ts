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
import { Haystack, narrowestTerm } from './haystack.js';

/** Lower-cased names per project and kind, rebuilt for a project only when its objects changed. */
type NamedKind = Exclude<SearchKind, 'freight' | 'projects'>;
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

/** A project's freight for search, newest first, found through one string. */
interface FreightEntry {
  f: Freight;
  key: FreightSortKey;
  prepared: PreparedFreightSearch;
}

/**
 * What global search looks through, kept from the shared cache: per project and kind, the names
 * of its stages, warehouses and promotions, and its freight (newest first, each freight's
 * searchable text prepared once per object version), each in a Haystack so a term is found with
 * one scan of one string per project. A project's haystack of a kind is rebuilt on the first
 * search after that kind changed there. A search reads memory only.
 */
export class SearchIndex {
  private readonly names = new Map<string, Map<NamedKind, Haystack<Named>>>();
  private readonly freightOf = new Map<string, Haystack<FreightEntry>>();
  private readonly prepared = new WeakMap<Freight, PreparedFreightSearch>();
  private readonly freight: FreightIndex;
  private readonly onChange = ({ kind, change }: { kind: string; change: { obj: unknown } }) => {
    const ns = (change.obj as { metadata: { namespace?: string } }).metadata.namespace;
    if (!ns) return;
    if (kind === 'freight') this.freightOf.delete(ns);
    else if ((NAMED as readonly string[]).includes(kind))
      this.names.get(ns)?.delete(kind as NamedKind);
  };

  constructor(private readonly cache: ClusterCache) {
    this.freight = freightIndexOf(cache);
    cache.on('change', this.onChange);
  }

  stop(): void {
    this.cache.off('change', this.onChange);
  }

  private namesOf(project: string, kind: NamedKind): Haystack<Named> {
    let byKind = this.names.get(project);
    if (!byKind) this.names.set(project, (byKind = new Map()));
    let hay = byKind.get(kind);
    if (!hay) {
      const objs = this.cache.get(kind).list(project) as {
        metadata: { name: string };
        spec?: { stage?: string };
      }[];
      const list = objs.map((o) => ({
        name: o.metadata.name,
        lower: o.metadata.name.toLowerCase(),
        ...(kind === 'promotions' && o.spec?.stage ? { detail: `to ${o.spec.stage}` } : {}),
      }));
      byKind.set(kind, (hay = new Haystack(list, (n) => n.lower)));
    }
    return hay;
  }

  private freightHaystack(project: string): Haystack<FreightEntry> {
    let hay = this.freightOf.get(project);
    if (!hay) {
      const entries = this.freight
        .project(project)
        .ordered()
        .map(({ freight: f, key }) => {
          let prepared = this.prepared.get(f);
          if (!prepared) this.prepared.set(f, (prepared = prepareFreightSearch(searchable(f))));
          return { f, key, prepared };
        });
      // Name and SHAs are matched by their start, the rest inside: both are in the text.
      const textOf = (e: FreightEntry) => `${e.prepared.prefixes.join('\n')}\n${e.prepared.text}`;
      this.freightOf.set(project, (hay = new Haystack(entries, textOf)));
    }
    return hay;
  }

  /** These projects whose name contains every term. */
  projectHits(projects: readonly string[], terms: string[], limit: number): KindHits {
    const found = projects
      .filter((p) => terms.every((t) => p.toLowerCase().includes(t)))
      .map((project) => ({
        hit: { project, kind: 'projects' as const, name: project },
        starts: project.toLowerCase().startsWith(terms[0] ?? ''),
      }))
      .sort(rankNamed);
    return { hits: found.slice(0, limit).map((f) => f.hit), total: found.length };
  }

  /** Names of `kind` in these projects containing every term. */
  named(kind: NamedKind, projects: readonly string[], terms: string[], limit: number): KindHits {
    const found: { hit: SearchHit; starts: boolean }[] = [];
    const narrow = narrowestTerm(terms);
    for (const project of projects)
      for (const n of this.namesOf(project, kind).containing(narrow))
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
    const found: (FreightEntry & { project: string })[] = [];
    const narrow = narrowestTerm(terms);
    for (const project of projects)
      for (const e of this.freightHaystack(project).containing(narrow))
        if (preparedMatchesTerms(e.prepared, terms)) found.push({ ...e, project });
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
