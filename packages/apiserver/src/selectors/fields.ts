// Field selectors: `=`, `==` and `!=` on the fields a resource supports.
import { errors } from '../errors/status.js';
import type { ResourceDef } from '../registry/resource-def.js';
import type { KObj } from '../util/kobj.js';

export type FieldSelector = (o: KObj) => boolean;

export function parseFieldSelector(
  s: string | null | undefined,
  def: ResourceDef,
): FieldSelector | undefined {
  if (!s || !s.trim()) return undefined;
  const getters: Record<string, (o: KObj) => string> = {
    'metadata.name': (o) => o.metadata.name ?? '',
    'metadata.namespace': (o) => o.metadata.namespace ?? '',
    ...def.fieldLabels,
  };
  const reqs = s.split(',').map((term) => {
    const m = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(term);
    if (!m?.[1] || !m[2] || m[3] === undefined)
      throw errors.badRequest(`invalid selector: '${s}'; can't understand '${term}'`);
    const get = getters[m[1]];
    if (!get) throw errors.badRequest(`field label not supported: ${m[1]}`);
    return { get, neg: m[2] === '!=', value: m[3] };
  });
  return (o) => reqs.every((r) => (r.get(o) === r.value) !== r.neg);
}
