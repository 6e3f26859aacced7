import { compileRules } from './cel-rules.js';
import { duplicate, invalid, notSupported, required } from './field-errors.js';
import { child, index } from './field-path.js';
import { checkStructural } from './structural.js';
import type { FieldCause, Schema } from './types.js';
import { isObject } from './types.js';

// What Kubernetes checks on an apiextensions.k8s.io/v1 CustomResourceDefinition.

const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const KIND = /^[A-Za-z][A-Za-z0-9]*$/;
const SCOPES = ['Cluster', 'Namespaced'];
const STRATEGIES = ['None', 'Webhook'];
const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const COLUMN_TYPES = ['integer', 'number', 'string', 'boolean', 'date'];

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> => (isObject(v) ? v : {});

export function validateCrdDefinition(crd: Record<string, unknown>): FieldCause[] {
  const spec = obj(crd.spec);
  const names = obj(spec.names);
  const out: FieldCause[] = [];
  const group = str(spec.group);
  const plural = str(names.plural);
  const name = str(obj(crd.metadata).name);
  if (name && group && plural && name !== `${plural}.${group}`) {
    out.push(invalid('metadata.name', name, 'must be spec.names.plural+"."+spec.group'));
  }
  if (!group) out.push(required('spec.group'));
  else if (!DNS1123_SUBDOMAIN.test(group) || !group.includes('.')) {
    out.push(invalid('spec.group', group, 'should be a domain with at least one dot'));
  }
  out.push(...checkNames(names));
  const scope = str(spec.scope);
  if (!scope) out.push(required('spec.scope'));
  else if (!SCOPES.includes(scope)) out.push(notSupported('spec.scope', scope, SCOPES));
  out.push(...checkVersions(spec.versions));
  const strategy = obj(spec.conversion).strategy;
  if (strategy !== undefined && (typeof strategy !== 'string' || !STRATEGIES.includes(strategy))) {
    out.push(notSupported('spec.conversion.strategy', strategy, STRATEGIES));
  }
  return out;
}

function checkNames(names: Record<string, unknown>): FieldCause[] {
  const out: FieldCause[] = [];
  for (const field of ['plural', 'singular'] as const) {
    const value = names[field];
    if (value === undefined || value === '') {
      if (field === 'plural') out.push(required('spec.names.plural'));
    } else if (typeof value !== 'string' || !DNS1035.test(value)) {
      out.push(invalid(`spec.names.${field}`, value, LABEL_MESSAGE));
    }
  }
  for (const field of ['kind', 'listKind'] as const) {
    const value = names[field];
    if (value === undefined || value === '') {
      if (field === 'kind') out.push(required('spec.names.kind'));
    } else if (typeof value !== 'string' || !KIND.test(value)) {
      out.push(
        invalid(
          `spec.names.${field}`,
          value,
          'may have mixed case, but should otherwise match: ^[a-z]([-a-z0-9]*[a-z0-9])?',
        ),
      );
    }
  }
  for (const field of ['shortNames', 'categories'] as const) {
    const list = Array.isArray(names[field]) ? (names[field] as unknown[]) : [];
    list.forEach((value, i) => {
      if (typeof value !== 'string' || !DNS1035.test(value)) {
        out.push(invalid(index(`spec.names.${field}`, i), value, LABEL_MESSAGE));
      }
    });
  }
  if (names.kind !== undefined && names.kind === names.listKind) {
    out.push(
      invalid('spec.names.listKind', names.listKind, 'kind and listKind may not be the same'),
    );
  }
  return out;
}

function checkVersions(versions: unknown): FieldCause[] {
  if (!Array.isArray(versions) || versions.length === 0)
    return [required('spec.versions', 'must have exactly one version marked as storage version')];
  const out: FieldCause[] = [];
  const seen = new Set<string>();
  versions.forEach((raw, i) => {
    const v = obj(raw);
    const path = index('spec.versions', i);
    const vname = str(v.name);
    if (!vname) out.push(required(child(path, 'name')));
    else if (!DNS1035.test(vname))
      out.push(invalid(child(path, 'name'), vname, 'must be a DNS-1035 label'));
    else if (seen.has(vname)) out.push(duplicate(child(path, 'name'), vname));
    if (vname) seen.add(vname);
    out.push(...checkSchema(v.schema, child(path, 'schema')));
    out.push(...checkColumns(v.additionalPrinterColumns, child(path, 'additionalPrinterColumns')));
  });
  const storage = versions.filter((v) => obj(v).storage === true).length;
  if (storage !== 1)
    out.push(
      invalid('spec.versions', versions, 'must have exactly one version marked as storage version'),
    );
  return out;
}

function checkSchema(raw: unknown, path: string): FieldCause[] {
  const schema = obj(obj(raw).openAPIV3Schema);
  const schemaPath = child(path, 'openAPIV3Schema');
  if (Object.keys(schema).length === 0) return [required(schemaPath, 'schemas are required')];
  const out = checkStructural(schema as Schema, schemaPath);
  for (const p of compileRules(schema as Schema).problems) {
    out.push(invalid(p.path ? child(schemaPath, p.path) : schemaPath, p.rule, p.message));
  }
  return out;
}

function checkColumns(raw: unknown, path: string): FieldCause[] {
  if (!Array.isArray(raw)) return [];
  const out: FieldCause[] = [];
  raw.forEach((c, i) => {
    const col = obj(c);
    const at = index(path, i);
    if (!str(col.name)) out.push(required(child(at, 'name')));
    if (!str(col.jsonPath)) out.push(required(child(at, 'jsonPath')));
    const type = str(col.type);
    if (!type) out.push(required(child(at, 'type')));
    else if (!COLUMN_TYPES.includes(type))
      out.push(notSupported(child(at, 'type'), type, COLUMN_TYPES));
  });
  return out;
}
