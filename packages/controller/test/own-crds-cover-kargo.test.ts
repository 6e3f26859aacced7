import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { kargoCrds } from '../src/crds/kargo-crds.js';
import { REAL_CRDS_DIR, haveRealCrds } from './helpers/real-crds.js';

interface Props {
  properties?: Record<string, Props>;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  x_kubernetes_preserve_unknown_fields?: boolean;
}

const preserves = (s: Props | undefined) =>
  s?.['x-kubernetes-preserve-unknown-fields'] === true ||
  s?.x_kubernetes_preserve_unknown_fields === true;

function realSchemas(): Map<string, Props> {
  const out = new Map<string, Props>();
  for (const file of readdirSync(REAL_CRDS_DIR).filter((f) => f.endsWith('.yaml'))) {
    const crd = parse(readFileSync(join(REAL_CRDS_DIR, file), 'utf8')) as {
      spec: {
        names: { kind: string };
        versions: { name: string; schema: { openAPIV3Schema: Props } }[];
      };
    };
    const v = crd.spec.versions.find((x) => x.name === 'v1alpha1');
    if (v) out.set(crd.spec.names.kind, v.schema.openAPIV3Schema);
  }
  return out;
}

// Wharf's own CRDs may validate less than Kargo's, but must not prune or refuse a field Kargo
// declares: a top-level or spec field missing here would be dropped or refused on the embedded cluster.
describe.skipIf(!haveRealCrds)(
  "Wharf's own CRDs cover the fields of Kargo's (needs ../shared/kargo-crds)",
  () => {
    const real = haveRealCrds ? realSchemas() : new Map<string, Props>();
    for (const crd of kargoCrds()) {
      const kind = crd.spec.names.kind;
      it(`${kind}: every top-level and spec field Kargo declares is declared or preserved`, () => {
        const theirs = real.get(kind);
        expect(theirs, `no real CRD for ${kind}`).toBeDefined();
        const ours = crd.spec.versions.find((v) => v.name === 'v1alpha1')?.schema
          ?.openAPIV3Schema as Props;
        const missing: string[] = [];
        for (const field of Object.keys(theirs?.properties ?? {})) {
          if (!preserves(ours) && !ours.properties?.[field]) missing.push(field);
        }
        const theirSpec = theirs?.properties?.spec;
        const ourSpec = ours.properties?.spec;
        if (theirSpec && ourSpec && !preserves(ourSpec))
          for (const field of Object.keys(theirSpec.properties ?? {}))
            if (!ourSpec.properties?.[field]) missing.push(`spec.${field}`);
        expect(missing).toEqual([]);
      });
    }
  },
);
