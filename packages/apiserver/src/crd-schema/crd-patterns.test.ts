import { describe, expect, it } from 'vitest';
import { compileSchema } from './compile.js';
import { KARGO_PATTERN_CASES, patternSites } from './testing/pattern-cases.js';
import { SKIP_MESSAGE, kargoCrdsPresent, loadKargoCrds } from './testing/kargo-crds.js';
import type { Schema } from './types.js';

if (!kargoCrdsPresent) console.warn(SKIP_MESSAGE);

/** The causes the pattern's own schema node gives a value, as the API server would report them. */
function causesFor(node: Schema, value: string): string[] {
  const schema = compileSchema({ type: 'object', properties: { v: node } });
  return schema
    .validate({ v: value })
    .filter((c) => c.field === 'v')
    .map((c) => c.message);
}

describe.skipIf(!kargoCrdsPresent)('every pattern of every real Kargo CRD, as RE2', () => {
  const sites = loadKargoCrds().flatMap((crd) =>
    patternSites(crd.openAPIV3Schema as Schema, crd.kind),
  );

  it('the CRDs declare patterns, and each one has cases', () => {
    expect(sites.length).toBeGreaterThan(30);
    const uncovered = [...new Set(sites.map((s) => s.node.pattern ?? ''))].filter(
      (p) => !KARGO_PATTERN_CASES[p],
    );
    expect(uncovered, 'add match/noMatch values to testing/pattern-cases.ts').toEqual([]);
  });

  it.each(sites.map((s) => [s.path, s] as const))(
    '%s accepts what its pattern matches and refuses the rest, printing the value',
    (_path, { node }) => {
      const pattern = node.pattern ?? '';
      const cases = KARGO_PATTERN_CASES[pattern];
      expect(cases).toBeDefined();
      for (const value of cases?.match ?? []) expect(causesFor(node, value), value).toEqual([]);
      for (const value of cases?.noMatch ?? [])
        expect(causesFor(node, value), value).toEqual([
          `Invalid value: ${JSON.stringify(value)}: v in body should match '${pattern}'`,
        ]);
    },
  );
});
