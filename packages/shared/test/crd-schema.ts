import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The real Kargo CRDs live beside the repository, in ../shared/kargo-crds (test data only). */
export function kargoCrdDir(): string {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
  return resolve(repoRoot, '../shared/kargo-crds');
}

export const crdsPresent = () => existsSync(kargoCrdDir());

/**
 * CRD openAPIV3Schema → JSON Schema for ajv. `nullable` becomes a null type; x-kubernetes-*
 * keywords are dropped. Objects with declared properties and no preserve-unknown-fields get
 * `additionalProperties: false`: the API server would silently prune such a field, so a fixture
 * carrying one has drifted from real Kargo.
 */
export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-kubernetes-') || key === 'nullable') continue;
    if (key === 'properties' && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    } else if (key === 'description') {
      continue;
    } else {
      out[key] = toJsonSchema(value);
    }
  }
  if (node['nullable'] === true && typeof node['type'] === 'string') {
    out['type'] = [node['type'], 'null'];
  }
  const preserve = node['x-kubernetes-preserve-unknown-fields'] === true;
  if (isObject(node['properties']) && !preserve && node['additionalProperties'] === undefined) {
    out['additionalProperties'] = false;
  }
  return out;
}

/** kind → JSON Schema of its v1alpha1 version, read from every CRD file in the directory. */
export function loadKargoSchemas(dir = kargoCrdDir()): Map<string, Json> {
  const schemas = new Map<string, Json>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const crd = parse(readFileSync(join(dir, file), 'utf8')) as Json;
    if (!isObject(crd) || !isObject(crd['spec'])) continue;
    const { names, versions } = crd['spec'];
    if (!isObject(names) || !Array.isArray(versions)) continue;
    const version = versions.find((v) => isObject(v) && v['name'] === 'v1alpha1');
    if (!isObject(version) || !isObject(version['schema'])) continue;
    const schema = version['schema']['openAPIV3Schema'];
    if (typeof names['kind'] === 'string' && schema !== undefined) {
      schemas.set(names['kind'], toJsonSchema(schema));
    }
  }
  return schemas;
}
