import { describe, expect, it } from 'vitest';
import { validateCrdDefinition } from './crd-definition.js';

function crd(
  overrides: { spec?: Record<string, unknown>; name?: string } = {},
): Record<string, unknown> {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: overrides.name ?? 'widgets.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { plural: 'widgets', singular: 'widget', kind: 'Widget', listKind: 'WidgetList' },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: { type: 'object', properties: { size: { type: 'integer', default: 1 } } },
              },
            },
          },
          additionalPrinterColumns: [{ name: 'Size', type: 'integer', jsonPath: '.spec.size' }],
        },
      ],
      ...overrides.spec,
    },
  };
}

const fields = (c: Record<string, unknown>) =>
  validateCrdDefinition(c).map((e) => `${e.type} ${e.field}`);
const version = (
  name: string,
  storage: boolean,
  schema: Record<string, unknown> = { type: 'object' },
) => ({
  name,
  served: true,
  storage,
  schema: { openAPIV3Schema: schema },
});

describe('validateCrdDefinition', () => {
  it('accepts a well-formed CRD', () => {
    expect(validateCrdDefinition(crd())).toEqual([]);
  });

  it('requires the name to be <plural>.<group>', () => {
    expect(validateCrdDefinition(crd({ name: 'gadgets.example.com' }))).toEqual([
      {
        type: 'FieldValueInvalid',
        field: 'metadata.name',
        message: 'Invalid value: "gadgets.example.com": must be spec.names.plural+"."+spec.group',
      },
    ]);
  });

  it('requires a group with a dot, names, and a known scope', () => {
    expect(fields(crd({ spec: { group: 'local' }, name: 'widgets.local' }))).toEqual([
      'FieldValueInvalid spec.group',
    ]);
    expect(fields(crd({ spec: { names: { singular: 'widget' } } }))).toEqual([
      'FieldValueRequired spec.names.plural',
      'FieldValueRequired spec.names.kind',
    ]);
    expect(fields(crd({ spec: { scope: 'Global' } }))).toEqual([
      'FieldValueNotSupported spec.scope',
    ]);
  });

  it('requires exactly one storage version and unique version names', () => {
    expect(
      validateCrdDefinition(
        crd({ spec: { versions: [version('v1', true), version('v2', true)] } }),
      ).map((e) => e.message),
    ).toEqual([expect.stringMatching(/must have exactly one version marked as storage version$/)]);
    expect(fields(crd({ spec: { versions: [version('v1', false)] } }))).toEqual([
      'FieldValueInvalid spec.versions',
    ]);
    expect(
      fields(crd({ spec: { versions: [version('v1', true), version('v1', false)] } })),
    ).toEqual(['FieldValueDuplicate spec.versions[1].name']);
  });

  it('requires a schema for every version', () => {
    expect(
      validateCrdDefinition(
        crd({ spec: { versions: [{ name: 'v1', served: true, storage: true }] } }),
      ),
    ).toEqual([
      {
        type: 'FieldValueRequired',
        field: 'spec.versions[0].schema.openAPIV3Schema',
        message: 'Required value: schemas are required',
      },
    ]);
  });

  it('refuses non-structural schemas with a path into the schema', () => {
    const schema = {
      type: 'object',
      properties: { spec: { properties: { a: { type: 'string' } } } },
    };
    expect(
      validateCrdDefinition(crd({ spec: { versions: [version('v1', true, schema)] } })),
    ).toEqual([
      {
        type: 'FieldValueRequired',
        field: 'spec.versions[0].schema.openAPIV3Schema.properties[spec].type',
        message: 'Required value: must not be empty for specified object fields',
      },
    ]);
    expect(fields(crd({ spec: { versions: [version('v1', true, { type: 'string' })] } }))).toEqual([
      'FieldValueInvalid spec.versions[0].schema.openAPIV3Schema.type',
    ]);
    const both = {
      type: 'object',
      properties: {
        m: { type: 'object', properties: {}, additionalProperties: { type: 'string' } },
      },
    };
    expect(fields(crd({ spec: { versions: [version('v1', true, both)] } }))).toEqual([
      'FieldValueForbidden spec.versions[0].schema.openAPIV3Schema.properties[m].additionalProperties',
    ]);
  });

  it('refuses a map list whose keys are neither required nor defaulted', () => {
    const schema = {
      type: 'object',
      properties: {
        l: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['k'],
          items: { type: 'object', properties: { k: { type: 'string' } } },
        },
      },
    };
    expect(fields(crd({ spec: { versions: [version('v1', true, schema)] } }))).toEqual([
      'FieldValueRequired spec.versions[0].schema.openAPIV3Schema.properties[l].items.properties[k]',
    ]);
  });

  it('refuses defaults that do not validate against their schema', () => {
    const schema = {
      type: 'object',
      properties: { n: { type: 'integer', minimum: 5, default: 1 } },
    };
    expect(fields(crd({ spec: { versions: [version('v1', true, schema)] } }))).toEqual([
      'FieldValueInvalid spec.versions[0].schema.openAPIV3Schema.properties[n].default',
    ]);
  });

  it("refuses a pattern Go's regexp cannot compile, and accepts RE2 syntax ECMAScript lacks", () => {
    const schema = (pattern: string) => ({
      type: 'object',
      properties: {
        tag: { type: 'string', pattern },
        any: { type: 'string', anyOf: [{ pattern }] },
      },
    });
    expect(
      validateCrdDefinition(crd({ spec: { versions: [version('v1', true, schema('^a(?=b)'))] } })),
    ).toEqual(
      ['properties[tag].pattern', 'properties[any].anyOf[0].pattern'].map((at) => ({
        type: 'FieldValueInvalid',
        field: `spec.versions[0].schema.openAPIV3Schema.${at}`,
        message:
          'Invalid value: "^a(?=b)": must be a valid regular expression, but isn\'t: error parsing regexp: invalid or unsupported Perl syntax: `(?=`',
      })),
    );
    expect(
      validateCrdDefinition(
        crd({ spec: { versions: [version('v1', true, schema('^[\\w.\\-\\_]+\\z'))] } }),
      ),
    ).toEqual([]);
  });

  it('refuses CEL rules that do not compile', () => {
    const schema = { type: 'object', 'x-kubernetes-validations': [{ rule: 'self.a ==' }] };
    const [cause] = validateCrdDefinition(
      crd({ spec: { versions: [version('v1', true, schema)] } }),
    );
    expect(cause?.field).toBe(
      'spec.versions[0].schema.openAPIV3Schema.x-kubernetes-validations[0].rule',
    );
    expect(cause?.message).toContain('compilation failed');
  });

  it('checks printer column types', () => {
    const v = {
      ...version('v1', true),
      additionalPrinterColumns: [{ name: 'X', type: 'float', jsonPath: '.x' }],
    };
    expect(fields(crd({ spec: { versions: [v] } }))).toEqual([
      'FieldValueNotSupported spec.versions[0].additionalPrinterColumns[0].type',
    ]);
  });

  it('checks shortNames, categories and the conversion strategy', () => {
    const names = {
      plural: 'widgets',
      singular: 'widget',
      kind: 'Widget',
      shortNames: ['wd', 'Bad'],
      categories: ['all'],
    };
    expect(fields(crd({ spec: { names } }))).toEqual([
      'FieldValueInvalid spec.names.shortNames[1]',
    ]);
    expect(fields(crd({ spec: { conversion: { strategy: 'Magic' } } }))).toEqual([
      'FieldValueNotSupported spec.conversion.strategy',
    ]);
  });

  it('accepts int-or-string spelled out as anyOf integer/string, but no other typed combinator', () => {
    const port = {
      'x-kubernetes-int-or-string': true,
      anyOf: [{ type: 'integer' }, { type: 'string' }],
    };
    const ok = { type: 'object', properties: { port } };
    expect(validateCrdDefinition(crd({ spec: { versions: [version('v1', true, ok)] } }))).toEqual(
      [],
    );
    const bad = {
      type: 'object',
      properties: { n: { type: 'string', anyOf: [{ type: 'integer' }] } },
    };
    expect(fields(crd({ spec: { versions: [version('v1', true, bad)] } }))).toEqual([
      'FieldValueForbidden spec.versions[0].schema.openAPIV3Schema.properties[n].anyOf[0].type',
    ]);
  });

  it('reports a default that breaks its own schema with the reason', () => {
    const schema = {
      type: 'object',
      properties: { n: { type: 'integer', minimum: 5, default: 1 } },
    };
    expect(
      validateCrdDefinition(crd({ spec: { versions: [version('v1', true, schema)] } }))[0]?.message,
    ).toBe(
      'Invalid value: 1: spec.versions[0].schema.openAPIV3Schema.properties[n].default in body should be greater than or equal to 5',
    );
  });
});
