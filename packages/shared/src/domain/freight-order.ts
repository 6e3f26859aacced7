import type { Freight } from '../kargo/freight.js';

type Sortable = Pick<Freight, 'discoveredAt' | 'metadata'>;

/**
 * Where a freight sits in the newest-first order, as plain numbers and its name. Freight views
 * (web) and Freight objects (BFF) both map onto it, so both sides order freight identically, and
 * a page boundary computed on one side means the same on the other.
 */
export interface FreightSortKey {
  /** `discoveredAt` in ms; -Infinity when missing or unreadable (sorts last). */
  discovered: number;
  /** Creation time in ms; -Infinity when missing. */
  created: number;
  name: string;
}

function time(value: string | undefined): number {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? -Infinity : ms;
}

/** The sort key of a freight given its discovery time, creation time and name. */
export function freightSortKey(f: {
  discoveredAt?: string | undefined;
  createdAt?: string | undefined;
  name: string;
}): FreightSortKey {
  return { discovered: time(f.discoveredAt), created: time(f.createdAt), name: f.name };
}

/** When a freight appeared: its discovery time, else its creation time (-Infinity: unknown). */
export function appearedAt(key: FreightSortKey): number {
  return key.discovered !== -Infinity ? key.discovered : key.created;
}

/** The sort key of a Kargo Freight object. */
export function sortKeyOfFreight(f: Sortable): FreightSortKey {
  return freightSortKey({
    discoveredAt: f.discoveredAt,
    createdAt: f.metadata.creationTimestamp,
    name: f.metadata.name,
  });
}

/**
 * Newest first: later discovery, then later creation, then name ascending, so equal times still
 * sort the same way every time. Negative when `a` comes first; zero only for the same name.
 */
export function compareFreightKeys(a: FreightSortKey, b: FreightSortKey): number {
  if (a.discovered !== b.discovered) return a.discovered > b.discovered ? -1 : 1;
  if (a.created !== b.created) return a.created > b.created ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Newest first over Kargo Freight objects (see compareFreightKeys). */
export function compareFreightNewestFirst(a: Sortable, b: Sortable): number {
  return compareFreightKeys(sortKeyOfFreight(a), sortKeyOfFreight(b));
}

/** A sorted copy, newest first (see compareFreightNewestFirst). */
export function sortFreightNewestFirst<T extends Sortable>(freight: readonly T[]): T[] {
  return [...freight].sort(compareFreightNewestFirst);
}

const num = (n: number) => (n === -Infinity ? '-' : String(n));
const parseNum = (s: string | undefined) =>
  s === '-' ? -Infinity : s !== undefined && /^-?\d+$/.test(s) ? Number(s) : NaN;

/**
 * A page cursor: the sort key of the last freight a page held. The next page starts strictly
 * after it, so freight arriving meanwhile (it is newer) never shifts or repeats what follows.
 */
export function encodeFreightCursor(key: FreightSortKey): string {
  return `${num(key.discovered)}.${num(key.created)}.${key.name}`;
}

/** The key inside a cursor, or undefined when the text is not one. */
export function decodeFreightCursor(cursor: string): FreightSortKey | undefined {
  const m = /^(-|-?\d+)\.(-|-?\d+)\.(.+)$/.exec(cursor);
  if (!m) return undefined;
  const discovered = parseNum(m[1]);
  const created = parseNum(m[2]);
  if (Number.isNaN(discovered) || Number.isNaN(created) || !m[3]) return undefined;
  return { discovered, created, name: m[3] };
}
