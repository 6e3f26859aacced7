// Loads the real Kargo CRDs that sit beside the repository (../shared/kargo-crds) for tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compileSchema } from '../compile.js';
import type { CompiledSchema } from '../compile.js';

const REPO_ROOT = new URL('../../../../../', import.meta.url);
export const KARGO_CRD_DIR = fileURLToPath(new URL('../shared/kargo-crds/', REPO_ROOT));
export const kargoCrdsPresent = existsSync(KARGO_CRD_DIR);
export const SKIP_MESSAGE = `Kargo CRDs not found at ../shared/kargo-crds relative to the repository root; skipping`;

export interface LoadedCrd {
  file: string;
  kind: string;
  crd: Record<string, unknown>;
  openAPIV3Schema: Record<string, unknown>;
}

export function loadKargoCrds(): LoadedCrd[] {
  if (!kargoCrdsPresent) return [];
  return readdirSync(KARGO_CRD_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const crd = parse(
        readFileSync(new URL(file, new URL('../shared/kargo-crds/', REPO_ROOT)), 'utf8'),
      ) as {
        spec: {
          names: { kind: string };
          versions: Array<{
            storage: boolean;
            schema: { openAPIV3Schema: Record<string, unknown> };
          }>;
        };
      };
      const storage = crd.spec.versions.find((v) => v.storage) ?? crd.spec.versions[0];
      return {
        file,
        kind: crd.spec.names.kind,
        crd: crd as unknown as Record<string, unknown>,
        openAPIV3Schema: storage?.schema.openAPIV3Schema ?? {},
      };
    });
}

const compiled = new Map<string, CompiledSchema>();

/** The compiled storage-version schema of a Kargo kind, e.g. `Stage`. */
export function kargoSchema(kind: string): CompiledSchema {
  const hit = compiled.get(kind);
  if (hit) return hit;
  const crd = loadKargoCrds().find((c) => c.kind === kind);
  if (!crd) throw new Error(`no Kargo CRD for kind ${kind}`);
  const schema = compileSchema(crd.openAPIV3Schema);
  compiled.set(kind, schema);
  return schema;
}

/** Prune, default, validate: the order the API server applies them on create. */
export function admit(kind: string, obj: Record<string, unknown>, old?: Record<string, unknown>) {
  const schema = kargoSchema(kind);
  schema.prune(obj);
  schema.applyDefaults(obj);
  return schema.validate(obj, old);
}
