/**
 * Reading a Kubernetes OpenAPI v3 (structural) schema, as CRDs publish them, for an editor:
 * what may go at a path, and what Kubernetes would refuse in a value. Kubernetes' extensions
 * count: `x-kubernetes-preserve-unknown-fields` allows any field, `x-kubernetes-int-or-string`
 * either type, `nullable` a null. The API server's dry run stays the judge; this only points early.
 */
export interface OpenApiSchema {
  type?: string;
  description?: string;
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: OpenApiSchema | boolean;
  items?: OpenApiSchema;
  required?: string[];
  enum?: unknown[];
  nullable?: boolean;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  'x-kubernetes-preserve-unknown-fields'?: boolean;
  'x-kubernetes-int-or-string'?: boolean;
  [key: string]: unknown;
}

export type SchemaPath = (string | number)[];

/** The schema for the value at `path`, or undefined where the schema says nothing. */
export function schemaAt(root: OpenApiSchema, path: SchemaPath): OpenApiSchema | undefined {
  let s: OpenApiSchema | undefined = root;
  for (const seg of path) {
    if (!s) return undefined;
    if (typeof seg === 'number') s = s.items;
    else if (s.properties?.[seg]) s = s.properties[seg];
    else if (typeof s.additionalProperties === 'object') s = s.additionalProperties;
    else return undefined;
  }
  return s;
}

export interface PropertyHint {
  name: string;
  description?: string;
  type?: string;
  required: boolean;
}

/** The fields an object at this schema may have, required ones first. */
export function propertyHints(s: OpenApiSchema | undefined): PropertyHint[] {
  const required = new Set(s?.required ?? []);
  return Object.entries(s?.properties ?? {})
    .map(([name, p]) => ({
      name,
      required: required.has(name),
      ...(p.description ? { description: p.description } : {}),
      ...(p.type ? { type: p.type } : {}),
    }))
    .sort((a, b) => Number(b.required) - Number(a.required) || a.name.localeCompare(b.name));
}

export interface SchemaIssue {
  /** Kubernetes-style field path: `spec.requestedFreight[0].origin.kind`. */
  field: string;
  message: string;
}

export function fieldPath(path: SchemaPath): string {
  return path
    .map((seg, i) =>
      typeof seg === 'number' ? `[${seg}]` : /[.[\]/]/.test(seg) ? `[${seg}]` : i ? `.${seg}` : seg,
    )
    .join('');
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeFits(s: OpenApiSchema, v: unknown): boolean {
  const t = typeOf(v);
  if (t === 'null') return s.nullable === true || !s.type;
  if (s['x-kubernetes-int-or-string']) return t === 'integer' || t === 'string';
  if (!s.type) return true;
  if (s.type === 'number') return t === 'number' || t === 'integer';
  return s.type === t;
}

/** What Kubernetes would refuse (or, for unknown fields, drop) in `value`; empty when it fits. */
export function schemaIssues(
  s: OpenApiSchema,
  value: unknown,
  path: SchemaPath = [],
): SchemaIssue[] {
  const at = fieldPath(path);
  const issue = (message: string): SchemaIssue[] => [{ field: at, message }];
  if (!typeFits(s, value)) return issue(`must be of type ${s.type ?? 'int-or-string'}`);
  if (value === null) return [];
  if (s.enum && !s.enum.some((e) => e === value))
    return issue(
      `Unsupported value: ${JSON.stringify(value)}: supported values: ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`,
    );
  if (typeof value === 'string') {
    if (s.minLength !== undefined && value.length < s.minLength)
      return issue(`should be at least ${s.minLength} chars long`);
    if (s.maxLength !== undefined && value.length > s.maxLength)
      return issue(`may not be more than ${s.maxLength} bytes`);
  }
  if (Array.isArray(value)) {
    const out: SchemaIssue[] = [];
    if (s.minItems !== undefined && value.length < s.minItems)
      out.push({ field: at, message: `should have at least ${s.minItems} items` });
    if (s.maxItems !== undefined && value.length > s.maxItems)
      out.push({ field: at, message: `must have at most ${s.maxItems} items` });
    const items = s.items;
    if (items) value.forEach((v, i) => out.push(...schemaIssues(items, v, [...path, i])));
    return out;
  }
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const out: SchemaIssue[] = [];
    for (const r of s.required ?? [])
      if (obj[r] === undefined)
        out.push({ field: fieldPath([...path, r]), message: 'Required value' });
    const open = s['x-kubernetes-preserve-unknown-fields'] === true || !s.properties;
    for (const [k, v] of Object.entries(obj)) {
      const sub =
        s.properties?.[k] ??
        (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
      if (sub) out.push(...schemaIssues(sub, v, [...path, k]));
      else if (!open && s.additionalProperties !== true)
        out.push({
          field: fieldPath([...path, k]),
          message: 'unknown field: the schema has no such field',
        });
    }
    return out;
  }
  return [];
}
