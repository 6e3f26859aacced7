// Label selector parsing and matching with every operator Kubernetes accepts:
// =, ==, !=, in, notin, exists (`key`), does-not-exist (`!key`), gt (`>`), lt (`<`).
import { errors } from '../errors/status.js';

type Req =
  | { key: string; op: 'eq' | 'ne'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' }
  | { key: string; op: 'gt' | 'lt'; value: number };

export type LabelSelector = (labels: Record<string, string> | undefined) => boolean;

const KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter((x) => x !== '');
}

function checkKey(key: string, whole: string): string {
  if (!KEY.test(key))
    throw errors.badRequest(
      `unable to parse requirement: invalid label key "${key}" in "${whole}"`,
    );
  return key;
}

function parseReq(term: string): Req {
  let m = /^(!)\s*(\S+)$/.exec(term);
  if (m?.[2]) return { key: checkKey(m[2], term), op: 'notexists' };
  m = /^(\S+?)\s+(in|notin)\s*\((.*)\)$/.exec(term);
  if (m?.[1] && m[2] && m[3] !== undefined)
    return {
      key: checkKey(m[1], term),
      op: m[2] === 'in' ? 'in' : 'notin',
      values: m[3]
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    };
  m = /^([^=!<>\s]+)\s*(==|=|!=|<|>)\s*(\S*)$/.exec(term);
  if (m?.[1] && m[2] && m[3] !== undefined) {
    const key = checkKey(m[1], term);
    if (m[2] === '<' || m[2] === '>') {
      const n = Number(m[3]);
      if (!Number.isInteger(n))
        throw errors.badRequest(
          `unable to parse requirement: for 'Gt', 'Lt' operators, the value must be an integer`,
        );
      return { key, op: m[2] === '>' ? 'gt' : 'lt', value: n };
    }
    return { key, op: m[2] === '!=' ? 'ne' : 'eq', value: m[3] };
  }
  if (/^\S+$/.test(term)) return { key: checkKey(term, term), op: 'exists' };
  throw errors.badRequest(`unable to parse requirement: found '${term}', expected: identifier`);
}

function matches(r: Req, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  switch (r.op) {
    case 'eq':
      return has && v === r.value;
    case 'ne':
      return !has || v !== r.value;
    case 'in':
      return has && r.values.includes(v ?? '');
    case 'notin':
      return !has || !r.values.includes(v ?? '');
    case 'exists':
      return has;
    case 'notexists':
      return !has;
    case 'gt':
    case 'lt': {
      const n = Number(v);
      if (!has || !Number.isInteger(n)) return false;
      return r.op === 'gt' ? n > r.value : n < r.value;
    }
  }
}

export function parseLabelSelector(s: string | null | undefined): LabelSelector | undefined {
  if (!s || !s.trim()) return undefined;
  const reqs = splitTopLevel(s).map(parseReq);
  return (labels) => reqs.every((r) => matches(r, labels ?? {}));
}
