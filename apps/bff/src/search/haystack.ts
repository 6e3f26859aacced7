/** Starts each item's text: no search term can span two items. */
const ITEM = '\u0000';

/**
 * Many items' searchable text in one string, so that finding a term is one `indexOf` scan over
 * it (V8 skips ahead through long strings) instead of one `includes` per item. It only narrows:
 * every item whose text contains the term is returned, and the caller applies its exact rule.
 */
export class Haystack<T> {
  private readonly text: string;
  /** Where each item's text starts in `text`, ascending. */
  private readonly starts: number[];

  constructor(
    private readonly items: readonly T[],
    textOf: (item: T) => string,
  ) {
    const parts: string[] = [];
    this.starts = [];
    let at = 0;
    for (const item of items) {
      const t = ITEM + textOf(item);
      this.starts.push(at);
      parts.push(t);
      at += t.length;
    }
    this.text = parts.join('');
  }

  /** The items whose text contains `term`, in their order; every item for an empty term. */
  containing(term: string): T[] {
    if (term === '') return [...this.items];
    const found: T[] = [];
    let from = 0;
    for (;;) {
      const at = this.text.indexOf(term, from);
      if (at < 0) return found;
      const i = this.itemAt(at);
      found.push(this.items[i] as T);
      // The rest of this item can only find it again.
      from = this.starts[i + 1] ?? this.text.length;
    }
  }

  /** The item whose text holds position `at`: the last start at or before it. */
  private itemAt(at: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** The term that narrows most: the longest (its matches are the fewest, and the scan skips furthest). */
export function narrowestTerm(terms: readonly string[]): string {
  return terms.reduce((a, b) => (b.length > a.length ? b : a), '');
}
