/**
 * `next` as a JSON merge patch over `old` that replaces it: every key `next` no longer has, at
 * any depth, becomes null (a merge patch would otherwise keep it). Arrays are replaced whole.
 */
export function removing(old: unknown, next: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...next };
  if (typeof old !== 'object' || old === null || Array.isArray(old)) return out;
  for (const [k, v] of Object.entries(old)) {
    const n = next[k];
    if (n === undefined) out[k] = null;
    else if (typeof n === 'object' && n !== null && !Array.isArray(n))
      out[k] = removing(v, n as Record<string, unknown>);
  }
  return out;
}
