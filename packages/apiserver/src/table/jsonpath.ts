// The subset of Kubernetes JSONPath used by printer columns: `.a.b`, `.a\.b`, `[0]`, `[*]` and
// `[?(@.field=="value")]`. Returns every match in document order.
import { isObject } from '../util/kobj.js';

type Step =
  | { field: string }
  | { index: number }
  | { all: true }
  | { filter: string[]; op: '==' | '!='; value: string };

function parse(path: string): Step[] {
  const steps: Step[] = [];
  let i = path.startsWith('{') ? 1 : 0;
  const end = path.endsWith('}') ? path.length - 1 : path.length;
  while (i < end) {
    const c = path[i];
    if (c === '.') {
      i++;
      let f = '';
      while (i < end && path[i] !== '.' && path[i] !== '[') {
        if (path[i] === '\\' && i + 1 < end) i++;
        f += path[i];
        i++;
      }
      if (f) steps.push({ field: f });
    } else if (c === '[') {
      const close = path.indexOf(']', i);
      const inner = path.slice(i + 1, close < 0 ? end : close);
      i = close < 0 ? end : close + 1;
      const m = /^\?\(@((?:\.[^=!]+)+?)\s*(==|!=)\s*["']?(.*?)["']?\)$/.exec(inner);
      if (inner === '*') steps.push({ all: true });
      else if (m?.[1] && m[2] && m[3] !== undefined)
        steps.push({
          filter: m[1].split('.').filter(Boolean),
          op: m[2] === '!=' ? '!=' : '==',
          value: m[3],
        });
      else if (/^-?\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else steps.push({ field: inner.replace(/^['"]|['"]$/g, '') });
    } else i++;
  }
  return steps;
}

function dig(v: unknown, fields: string[]): unknown {
  let cur = v;
  for (const f of fields) cur = isObject(cur) ? cur[f] : undefined;
  return cur;
}

export function jsonPath(obj: unknown, path: string): unknown[] {
  let cur: unknown[] = [obj];
  for (const s of parse(path)) {
    const next: unknown[] = [];
    for (const v of cur) {
      if ('field' in s) {
        if (isObject(v) && v[s.field] !== undefined) next.push(v[s.field]);
      } else if ('index' in s) {
        if (Array.isArray(v)) {
          const x = v[s.index < 0 ? v.length + s.index : s.index];
          if (x !== undefined) next.push(x);
        }
      } else if ('all' in s) {
        if (Array.isArray(v)) next.push(...v);
        else if (isObject(v)) next.push(...Object.values(v));
      } else if (Array.isArray(v)) {
        for (const x of v)
          if ((String(dig(x, s.filter)) === s.value) === (s.op === '==')) next.push(x);
      }
    }
    cur = next;
  }
  return cur;
}
