import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';

// No helm binary exists on these machines, so this checks what can be checked without one:
// the values against the chart's own schema, and the RBAC the chart grants.
const chart = fileURLToPath(new URL('./helm/wharf/', import.meta.url));
const read = (file: string) => readFileSync(chart + file, 'utf8');
const schema = JSON.parse(read('values.schema.json')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

/** Replaces template actions with a placeholder so the YAML structure can be read. */
function stubTemplate(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*\{\{-?.*-?\}\}\s*$/.test(line))
    .join('\n')
    .replace(/\{\{[^}]*\}\}/g, 'placeholder');
}

describe('helm chart', () => {
  it('default values satisfy values.schema.json', () => {
    expect(validate(parse(read('values.yaml'))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('values.schema.json refuses zero replicas and unknown keys', () => {
    const values = parse(read('values.yaml')) as Record<string, unknown>;
    expect(validate({ ...values, replicaCount: 0 })).toBe(false);
    expect(validate({ ...values, replicas: 3 })).toBe(false);
  });

  it('every template is YAML once template actions are stubbed', () => {
    for (const file of readdirSync(chart + 'templates').filter((f) => f.endsWith('.yaml'))) {
      const docs = parseAllDocuments(stubTemplate(read(`templates/${file}`)));
      for (const doc of docs) expect(doc.errors, file).toEqual([]);
    }
  });

  it("the BFF's ClusterRole writes nothing: only read verbs, impersonate and access reviews", () => {
    const [role] = parseAllDocuments(stubTemplate(read('templates/clusterrole.yaml'))).map(
      (d) => d.toJS() as { kind: string; rules: { resources: string[]; verbs: string[] }[] },
    );
    expect(role?.kind).toBe('ClusterRole');
    for (const rule of role?.rules ?? []) {
      const reviews = rule.resources.every((r) => r.endsWith('reviews'));
      const allowed = reviews ? ['create'] : ['get', 'list', 'watch', 'impersonate'];
      for (const verb of rule.verbs)
        expect(allowed, `${verb} on ${rule.resources}`).toContain(verb);
    }
  });
});
