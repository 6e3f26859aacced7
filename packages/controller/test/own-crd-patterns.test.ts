import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { kargoCrds } from '../src/crds/kargo-crds.js';
import { REAL_CRDS_DIR, haveRealCrds } from './helpers/real-crds.js';

interface Node {
  pattern?: string;
  properties?: Record<string, Node>;
  items?: Node;
  additionalProperties?: Node | boolean;
}

function patterns(node: Node | undefined, out = new Set<string>()): Set<string> {
  if (!node) return out;
  if (node.pattern !== undefined) out.add(node.pattern);
  for (const sub of Object.values(node.properties ?? {})) patterns(sub, out);
  patterns(node.items, out);
  if (typeof node.additionalProperties === 'object') patterns(node.additionalProperties, out);
  return out;
}

function kargoPatterns(): Set<string> {
  const out = new Set<string>();
  for (const file of readdirSync(REAL_CRDS_DIR).filter((f) => f.endsWith('.yaml'))) {
    const crd = parse(readFileSync(join(REAL_CRDS_DIR, file), 'utf8')) as {
      spec: { versions: { schema: { openAPIV3Schema: Node } }[] };
    };
    for (const v of crd.spec.versions) patterns(v.schema.openAPIV3Schema, out);
  }
  return out;
}

// The API server checks every pattern of Kargo's CRDs as RE2 against values that must match and
// values that must not (packages/apiserver crd-patterns.test.ts). Wharf's own CRDs stand in for
// Kargo's, so a pattern of theirs must be one of Kargo's, and is covered there.
describe.skipIf(!haveRealCrds)("Wharf's own CRDs (needs ../shared/kargo-crds)", () => {
  it("declare only patterns that Kargo's CRDs declare", () => {
    const theirs = kargoPatterns();
    expect(theirs.size).toBeGreaterThan(0);
    const ours = kargoCrds().flatMap((crd) =>
      crd.spec.versions.flatMap((v) => [...patterns(v.schema?.openAPIV3Schema as Node)]),
    );
    expect(ours.filter((p) => !theirs.has(p))).toEqual([]);
  });
});
