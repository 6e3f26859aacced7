export type Json = Record<string, unknown>;
export type Path = (string | number)[];

const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const empty = (v: unknown) =>
  v === undefined || v === '' || (isMap(v) && Object.keys(v).length === 0);

export function getIn(obj: unknown, path: Path): unknown {
  let v: unknown = obj;
  for (const seg of path) {
    if (typeof seg === 'number') v = Array.isArray(v) ? v[seg] : undefined;
    else v = isMap(v) ? v[seg] : undefined;
  }
  return v;
}

/**
 * A copy of `obj` with the value at `path` set; `undefined` or `''` removes the key, and maps
 * left empty by that are removed too. Everything the form does not touch is kept as it was, so
 * fields Wharf has no form for survive every save.
 */
export function setIn<T>(obj: T, path: Path, value: unknown): T {
  const [head, ...rest] = path;
  if (head === undefined) return value as T;
  if (typeof head === 'number') {
    const list = Array.isArray(obj) ? [...(obj as unknown[])] : [];
    list[head] = setIn(list[head], rest, value);
    return list as T;
  }
  const map: Json = isMap(obj) ? obj : {};
  const next = rest.length ? setIn(map[head], rest, value) : value;
  // Rebuilt entry by entry so a changed key keeps its place in the YAML.
  const entries = Object.entries(map).filter(([k]) => k !== head || !empty(next));
  const out = Object.fromEntries(entries.map(([k, v]) => [k, k === head ? next : v]));
  return (head in map || empty(next) ? out : { ...out, [head]: next }) as T;
}

/** A list of strings as text, one per line (for a multi-line field). */
export const linesOf = (v: unknown): string =>
  Array.isArray(v) ? v.map(String).join('\n') : v === undefined ? '' : String(v);

/** Text, one entry per line, as a list; blank lines dropped, nothing left means unset. */
export function listOfLines(text: string): string[] | undefined {
  const list = text.split('\n').filter((l) => l.trim() !== '');
  return list.length ? list : undefined;
}
