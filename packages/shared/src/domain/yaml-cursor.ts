import type { SchemaPath } from './openapi-schema.js';

/** Where the cursor is in block YAML: the path of the mapping it types a key into, or the key whose value it types. */
export interface YamlCursor {
  path: SchemaPath;
  position: 'key' | 'value';
  /** What is typed so far of the key or value. */
  prefix: string;
}

interface Frame {
  col: number;
  seg: string | number;
}

const KEY = /^("[^"]*"|'[^']*'|[^\s:#"'][^:#]*?)\s*:(?=\s|$)/;
const unquote = (k: string) => k.replace(/^["'](.*)["']$/, '$1');

/**
 * Reads block-style YAML by indentation up to `offset`, as an editor needs it while the text is
 * still being typed (and so not yet valid YAML). Flow style (`{…}`, `[…]`) is not followed.
 */
export function yamlCursorAt(text: string, offset: number): YamlCursor {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  const stack: Frame[] = [];
  const popWhile = (keep: (f: Frame) => boolean) => {
    while (stack.length && !keep(stack[stack.length - 1] as Frame)) stack.pop();
  };
  let last: YamlCursor = { path: [], position: 'key', prefix: '' };
  lines.forEach((line, i) => {
    const isCursorLine = i === lines.length - 1;
    if (!isCursorLine && (!line.trim() || line.trim().startsWith('#'))) return;
    let col = line.length - line.trimStart().length;
    let rest = line.slice(col);
    while (rest === '-' || rest.startsWith('- ')) {
      const c = col;
      popWhile((f) => f.col < c || (f.col === c && typeof f.seg === 'string'));
      stack.push({ col: c, seg: 0 });
      const skip = rest.length - rest.slice(1).trimStart().length;
      col += skip;
      rest = rest.slice(skip);
    }
    const key = KEY.exec(rest);
    if (!isCursorLine) {
      if (!key) return;
      const c = col;
      popWhile((f) => f.col < c);
      stack.push({ col: c, seg: unquote(key[1] ?? '') });
      return;
    }
    const c = col;
    popWhile((f) => f.col < c);
    const path = stack.map((f) => f.seg);
    last = key
      ? {
          path: [...path, unquote(key[1] ?? '')],
          position: 'value',
          prefix: rest.slice(key[0].length).trimStart(),
        }
      : { path, position: 'key', prefix: rest };
  });
  return last;
}
