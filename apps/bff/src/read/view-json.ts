/**
 * JSON text of views kept beside them. A cached view never changes (a change to its object
 * builds a new one), so its text is written once; an answer made of 3,000 stage views is then
 * assembled from their texts instead of serialising 6 MB again for every read, every socket
 * snapshot and every socket.io packet.
 */
const texts = new WeakMap<object, string>();

/** Keeps the JSON text of `view` (which must never be changed afterwards); returns the view. */
export function keepJson<T extends object>(view: T): T {
  texts.set(view, JSON.stringify(view));
  return view;
}

/**
 * Keeps the JSON text of `value` (which must never be changed afterwards), assembled from the
 * kept texts inside it: an answer shared by many readers (a room's snapshot) is written once.
 */
export function keepAssembledJson<T extends object>(value: T): T {
  texts.set(value, toJson(value));
  return value;
}

type WithToJson = { toJSON: () => unknown };
const hasToJson = (v: object): v is WithToJson =>
  typeof (v as Partial<WithToJson>).toJSON === 'function';

function write(value: unknown, inArray: boolean): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      // undefined, functions and symbols: dropped from objects, null in arrays, as JSON.stringify.
      return inArray ? 'null' : undefined;
  }
  const kept = texts.get(value);
  if (kept !== undefined) return kept;
  if (hasToJson(value)) return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++)
      out += (i ? ',' : '') + (write(value[i], true) ?? 'null');
    return `${out}]`;
  }
  let out = '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const text = write((value as Record<string, unknown>)[key], false);
    if (text === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}

/** JSON.stringify(value), taking each kept view's text as it is. */
export function toJson(value: unknown): string {
  return write(value, false) ?? 'null';
}
