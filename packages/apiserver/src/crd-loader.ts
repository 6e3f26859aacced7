// Loads CustomResourceDefinition manifests from directories (--crds) at start: created when
// missing, replaced when changed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { SYSTEM_CALLER, type Ctx } from './context.js';
import { createObject } from './objects/create.js';
import { updateObject } from './objects/update.js';
import { asKObj, deepEqual } from './util/kobj.js';

const GR = 'customresourcedefinitions.apiextensions.k8s.io';

export async function loadCrdDirs(ctx: Ctx, dirs: string[]): Promise<void> {
  const def = ctx.catalog.byGroupResource(GR);
  if (!def) return;
  for (const dir of dirs) {
    const files = readdirSync(dir)
      .filter((f) => /\.(ya?ml|json)$/.test(f))
      .sort();
    for (const f of files) {
      for (const doc of parseAllDocuments(readFileSync(join(dir, f), 'utf8'))) {
        const o = asKObj(doc.toJS());
        if (typeof o === 'string' || o.kind !== 'CustomResourceDefinition') continue;
        const name = o.metadata.name ?? '';
        const cur = ctx.store.get(GR, undefined, name);
        if (!cur) await createObject(ctx, SYSTEM_CALLER, def, 'v1', undefined, o);
        else if (!deepEqual(cur.spec, o.spec))
          await updateObject(ctx, SYSTEM_CALLER, def, 'v1', undefined, name, {
            ...o,
            metadata: { ...o.metadata, resourceVersion: cur.metadata.resourceVersion },
          });
      }
    }
  }
}
