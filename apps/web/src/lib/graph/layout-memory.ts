import type { LayoutInput, LayoutResult } from './layout';

/**
 * The last layout of each project, kept in this browser, so a returning user's graph of the same
 * shape is drawn with the page's first render instead of after the worker lays it out again.
 * An entry holds for exactly one layout input (every node's id, size and column, every edge)
 * laid out by one build of the layout code; anything else is laid out anew.
 */
const PREFIX = 'wharf:layout:';
/** Projects remembered: at 3,000 stages an entry is about 150 KB. */
const KEPT = 4;

interface Entry {
  code: string;
  input: string;
  at: number;
  positions: LayoutResult;
}

/** Two 32-bit FNV-1a lanes (64 bits): the input's fingerprint, not its text (100s of KB). */
export function fingerprint(input: LayoutInput): string {
  const text = JSON.stringify([
    input.nodes.map((n) => [n.id, n.width, n.height, n.column ?? null]),
    input.edges.map((e) => [e.source, e.target]),
  ]);
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}.${text.length.toString(36)}`;
}

function read(project: string): Entry | undefined {
  try {
    const raw = localStorage.getItem(PREFIX + project);
    return raw ? (JSON.parse(raw) as Entry) : undefined;
  } catch {
    return undefined; // storage off, or an entry this code cannot read: lay out anew
  }
}

/** The positions remembered for exactly this input and layout code, if any. */
export function rememberedLayout(
  project: string,
  code: string,
  input: string,
): LayoutResult | undefined {
  const entry = read(project);
  return entry?.code === code && entry.input === input ? entry.positions : undefined;
}

/** Remembers a project's layout; the least recently laid out projects beyond KEPT are dropped. */
export function rememberLayout(
  project: string,
  code: string,
  input: string,
  positions: LayoutResult,
): void {
  try {
    const entry: Entry = { code, input, at: Date.now(), positions };
    localStorage.setItem(PREFIX + project, JSON.stringify(entry));
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '');
    const others = keys
      .filter((k) => k.startsWith(PREFIX) && k !== PREFIX + project)
      .map((k) => ({ k, at: read(k.slice(PREFIX.length))?.at ?? 0 }))
      .sort((x, y) => y.at - x.at);
    for (const { k } of others.slice(KEPT - 1)) localStorage.removeItem(k);
  } catch {
    // Full or disabled storage: the next open lays the graph out again.
  }
}
