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

/** What search compares, lower-cased once: worth keeping per freight when searching often. */
export interface PreparedFreightSearch {
  /** Name and commit SHAs: a term matches their start. */
  prefixes: string[];
  /** Alias, image tags, chart versions, git tags and commit messages: a term matches inside. */
  text: string;
}

export function prepareFreightSearch(f: SearchableFreight): PreparedFreightSearch {
  return {
    prefixes: [f.name, ...(f.commits ?? []).map((c) => c.id ?? '')].map((s) => s.toLowerCase()),
    text: [
      f.alias ?? '',
      ...(f.images ?? []).map((i) => i.tag ?? ''),
      ...(f.charts ?? []).map((c) => c.version ?? ''),
      ...(f.commits ?? []).flatMap((c) => [c.tag ?? '', c.message ?? '']),
    ]
      .join('\n')
      .toLowerCase(),
  };
}

export function preparedMatchesTerms(p: PreparedFreightSearch, terms: readonly string[]): boolean {
  return terms.every((t) => p.text.includes(t) || p.prefixes.some((x) => x.startsWith(t)));
}

/**
 * Whether a freight matches every search term. A term matches when the freight's name or a
 * commit SHA starts with it, or its alias, an image tag, a chart version, a git tag or a commit
 * message contains it. One rule for the BFF (which answers searches, the timeline's and the
 * global one) and the browser (which keeps the answer live as freight arrives).
 */
export function freightMatchesTerms(f: SearchableFreight, terms: readonly string[]): boolean {
  if (terms.length === 0) return true;
  return preparedMatchesTerms(prepareFreightSearch(f), terms);
}

/** Why a freight matched, in words a person reads ("commit 3f2a1bc Add PDB", "image tag 1.2.0"). */
export function freightMatchReason(
  f: SearchableFreight,
  terms: readonly string[],
): string | undefined {
  const has = (s: string | undefined) => !!s && terms.some((t) => s.toLowerCase().includes(t));
  const starts = (s: string | undefined) => !!s && terms.some((t) => s.toLowerCase().startsWith(t));
  if (has(f.alias)) return `alias ${f.alias}`;
  for (const c of f.commits ?? []) {
    const subject = (c.message ?? '').split('\n')[0] ?? '';
    if (starts(c.id) || has(c.message) || has(c.tag))
      return `commit ${c.tag ?? (c.id ?? '').slice(0, 7)}${subject ? ` ${subject}` : ''}`;
  }
  for (const i of f.images ?? []) if (has(i.tag)) return `image tag ${i.tag}`;
  for (const c of f.charts ?? []) if (has(c.version)) return `chart version ${c.version}`;
  if (starts(f.name)) return `name ${f.name.slice(0, 12)}`;
  return undefined;
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
