/** What text search looks at in a freight: the same fields on Freight objects and views. */
export interface SearchableFreight {
  name: string;
  alias?: string | undefined;
  commits?: readonly {
    id?: string | undefined;
    tag?: string | undefined;
    message?: string | undefined;
  }[];
  images?: readonly { tag?: string | undefined }[];
  charts?: readonly { version?: string | undefined }[];
}

/** The words of a search, lower-cased; empty when there is nothing to search for. */
export function searchTerms(q: string | undefined): string[] {
  return (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * Whether a freight matches every search term. A term matches when the freight's name or a
 * commit SHA starts with it, or its alias, an image tag, a chart version, a git tag or a commit
 * message contains it. One rule for the BFF (which answers searches) and the browser (which
 * keeps the answer live as freight arrives).
 */
export function freightMatchesTerms(f: SearchableFreight, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  const prefixes = [f.name, ...(f.commits ?? []).map((c) => c.id ?? '')].map((s) =>
    s.toLowerCase(),
  );
  const text = [
    f.alias ?? '',
    ...(f.images ?? []).map((i) => i.tag ?? ''),
    ...(f.charts ?? []).map((c) => c.version ?? ''),
    ...(f.commits ?? []).flatMap((c) => [c.tag ?? '', c.message ?? '']),
  ]
    .join('\n')
    .toLowerCase();
  return terms.every((t) => text.includes(t) || prefixes.some((p) => p.startsWith(t)));
}

/** A freight as the timeline filters see it (Freight objects and views both map onto it). */
export interface FilterableFreight extends SearchableFreight {
  origin: string;
  /** Some stage holds it now. */
  inUse: boolean;
  /** When it appeared: `discoveredAt`, else its creation time, in ms (-Infinity when unknown). */
  appeared: number;
}

/** The timeline's filters, already resolved (a stage filter becomes the origins it requests). */
export interface FreightFilterSpec {
  origins?: ReadonlySet<string>;
  terms: readonly string[];
  inUse: boolean;
  /** Only freight that appeared strictly after this time, in ms (-Infinity: any time). */
  appearedAfter: number;
}

/** Whether a freight passes the timeline's filters: one rule for the BFF and the browser. */
export function freightPassesFilter(f: FilterableFreight, spec: FreightFilterSpec): boolean {
  return (
    (!spec.origins || spec.origins.has(f.origin)) &&
    (!spec.inUse || f.inUse) &&
    f.appeared > spec.appearedAfter &&
    freightMatchesTerms(f, spec.terms)
  );
}
