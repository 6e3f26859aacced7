// The set of served resources; CRDs add and remove entries at run time.
import { attachBuiltinRules } from './builtin-rules.js';
import { builtinDefs } from './builtins.js';
import { gr, type ResourceDef } from './resource-def.js';

export class Catalog {
  private byGr = new Map<string, ResourceDef>();
  private listeners: (() => void)[] = [];

  constructor() {
    const defs = builtinDefs();
    attachBuiltinRules(defs);
    for (const d of defs) this.byGr.set(gr(d), d);
  }

  onChange(fn: () => void): void {
    this.listeners.push(fn);
  }

  set(def: ResourceDef): void {
    this.byGr.set(gr(def), def);
    for (const fn of this.listeners) fn();
  }

  remove(grKey: string): void {
    if (this.byGr.delete(grKey)) for (const fn of this.listeners) fn();
  }

  lookup(group: string, version: string, resource: string): ResourceDef | undefined {
    const d = this.byGr.get(group ? `${resource}.${group}` : resource);
    return d && d.versions.includes(version) ? d : undefined;
  }

  byGroupResource(grKey: string): ResourceDef | undefined {
    return this.byGr.get(grKey);
  }

  byKind(group: string, kind: string): ResourceDef | undefined {
    for (const d of this.byGr.values()) if (d.group === group && d.kind === kind) return d;
    return undefined;
  }

  all(): ResourceDef[] {
    return [...this.byGr.values()];
  }

  /** Group name → served versions, preferred first; "" is the core group. */
  groups(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const d of this.byGr.values()) {
      const vs = out.get(d.group) ?? [];
      for (const v of d.versions) if (!vs.includes(v)) vs.push(v);
      out.set(d.group, vs);
    }
    return out;
  }
}
