import { evaluate, type Env } from './evaluate.js';

const WHOLE = /^\$\{\{([\s\S]*?)\}\}$/;
const PART = /\$\{\{([\s\S]*?)\}\}/g;

const show = (v: unknown) =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);

/**
 * Expands `${{ expr }}` in a string. A string that is one expression keeps the value's type
 * (a number stays a number); otherwise each value is written into the text.
 */
export function expandString(text: string, env: Env): unknown {
  const whole = WHOLE.exec(text.trim());
  if (whole && !(whole[1] ?? '').includes('}}')) return evaluate(whole[1] ?? '', env);
  return text.replace(PART, (_m, src: string) => show(evaluate(src, env)));
}

/** Expands every string inside a step's config (objects and arrays walked recursively). */
export function expandDeep(value: unknown, env: Env): unknown {
  if (typeof value === 'string') return expandString(value, env);
  if (Array.isArray(value)) return value.map((v) => expandDeep(v, env));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandDeep(v, env)]));
  return value;
}
