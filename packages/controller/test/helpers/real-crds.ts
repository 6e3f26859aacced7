import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { parse } from 'yaml';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The real Kargo CRDs, test data only, beside the repository (`../shared/kargo-crds`). */
export const REAL_CRDS_DIR = resolve(repoRoot, '../shared/kargo-crds');
export const haveRealCrds = existsSync(REAL_CRDS_DIR);

interface Crd {
  spec: {
    names: { kind: string };
    versions: { name: string; schema: { openAPIV3Schema: object } }[];
  };
}

/** One validator per Kargo kind from the real v1alpha1 schemas. */
export function realValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    validateFormats: false,
    unicodeRegExp: false,
  });
  const out = new Map<string, ValidateFunction>();
  for (const file of readdirSync(REAL_CRDS_DIR).filter((f) => f.endsWith('.yaml'))) {
    const crd = parse(readFileSync(join(REAL_CRDS_DIR, file), 'utf8')) as Crd;
    const v = crd.spec.versions.find((x) => x.name === 'v1alpha1');
    if (v) out.set(crd.spec.names.kind, ajv.compile(v.schema.openAPIV3Schema));
  }
  return out;
}
