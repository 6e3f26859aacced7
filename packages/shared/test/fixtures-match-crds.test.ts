import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { ProjectFixture } from '../src/fixtures/index.js';
import {
  echoServerProject,
  generateLargeProject,
  realStatusProject,
  storefrontProject,
} from '../src/fixtures/index.js';
import { crdsPresent, kargoCrdDir, loadKargoSchemas } from './crd-schema.js';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function validators(): Map<string, ValidateFunction> {
  // Kubernetes patterns are RE2, e.g. `[\w.\-\_]`, which the u flag rejects.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('date-time', RFC3339);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  const out = new Map<string, ValidateFunction>();
  for (const [kind, schema] of loadKargoSchemas()) out.set(kind, ajv.compile(schema as object));
  return out;
}

function objectsOf(f: ProjectFixture): Array<{ kind?: string; metadata: { name: string } }> {
  return [
    f.project,
    ...(f.projectConfig ? [f.projectConfig] : []),
    ...f.warehouses,
    ...f.stages,
    ...f.freight,
    ...f.promotions,
    ...f.promotionTasks,
    ...f.clusterPromotionTasks,
  ];
}

const FIXTURES: Array<[string, () => ProjectFixture]> = [
  ['echo-server', echoServerProject],
  ['storefront', storefrontProject],
  ['real-status (guestbook)', realStatusProject],
  ['generated (sample)', sampleOfLargeProject],
];

/** Every 10th object of a generated project: enough to catch drift, quick to check. */
function sampleOfLargeProject(): ProjectFixture {
  const big = generateLargeProject({ stages: 200, freight: 400, warehouses: 4, seed: 11 });
  const every10 = <T>(list: T[]) => list.filter((_, i) => i % 10 === 0);
  return {
    ...big,
    stages: every10(big.stages),
    freight: every10(big.freight),
    promotions: every10(big.promotions),
  };
}

const present = crdsPresent();
if (!present) {
  console.warn(
    `Skipping CRD validation of fixtures: ${kargoCrdDir()} not found (needs ../shared/kargo-crds beside the repository).`,
  );
}

describe.skipIf(!present)('fixtures validate against the real Kargo v1.11 CRDs', () => {
  const byKind = present ? validators() : new Map<string, ValidateFunction>();

  it.each(FIXTURES)('every object of the %s fixture is valid for its CRD', (_name, make) => {
    const failures: string[] = [];
    for (const obj of objectsOf(make())) {
      const label = `${obj.kind}/${obj.metadata.name}`;
      const validate = byKind.get(obj.kind ?? '');
      if (!validate) {
        failures.push(`${label}: no CRD for this kind`);
        continue;
      }
      if (validate(obj)) continue;
      for (const e of validate.errors ?? []) {
        failures.push(`${label}${e.instancePath}: ${e.message} ${JSON.stringify(e.params)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('catches a field the CRD does not know (so the check can fail)', () => {
    const stage = echoServerProject().stages[0];
    const validate = byKind.get('Stage');
    expect(validate?.({ ...stage, spec: { ...stage?.spec, requestedFreigth: [] } })).toBe(false);
  });

  it('catches a condition without the reason Kubernetes requires', () => {
    const stage = echoServerProject().stages[0];
    const conditions = [
      { type: 'Ready', status: 'True', message: '', lastTransitionTime: '2026-01-01T00:00:00Z' },
    ];
    expect(byKind.get('Stage')?.({ ...stage, status: { conditions } })).toBe(false);
  });
});
