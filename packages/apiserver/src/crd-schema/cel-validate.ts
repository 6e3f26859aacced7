import type { CompiledRule, CompiledRules } from './cel-rules.js';
import { celErrorText, toCel } from './cel-value.js';
import { forbidden, invalid, printValue, required } from './field-errors.js';
import { child, index } from './field-path.js';
import { correlateItem } from './list-types.js';
import { deepEqual } from './deep-equal.js';
import type { FieldCause, Schema } from './types.js';
import { additionalSchema, isObject } from './types.js';

/**
 * Evaluates x-kubernetes-validations bottom-up over the object. `old` is the
 * correlated stored value (same property, same map key, same map-list key); rules
 * that use oldSelf run only where it exists.
 */
export function celValidateNode(
  rules: CompiledRules,
  schema: Schema,
  path: string,
  value: unknown,
  old: unknown,
): FieldCause[] {
  if (value === undefined || value === null) return [];
  const out: FieldCause[] = [];
  for (const compiled of rules.bySchema.get(schema) ?? []) {
    const cause = runRule(compiled, schema, path, value, old);
    if (cause) out.push(cause);
  }
  if (Array.isArray(value) && schema.items) {
    const items = schema.items;
    value.forEach((item, i) =>
      out.push(
        ...celValidateNode(rules, items, index(path, i), item, correlateItem(schema, item, old)),
      ),
    );
  } else if (isObject(value)) {
    const extra = additionalSchema(schema);
    for (const [key, item] of Object.entries(value)) {
      const sub = schema.properties?.[key] ?? extra;
      const oldItem = isObject(old) ? old[key] : undefined;
      if (sub) out.push(...celValidateNode(rules, sub, child(path, key), item, oldItem));
    }
  }
  return out;
}

/** Go error strings start in lower case (`no such key: name`). */
function goStyle(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function ruleText(compiled: CompiledRule): string {
  return (compiled.rule.message ?? compiled.rule.rule).trim();
}

function runRule(
  compiled: CompiledRule,
  schema: Schema,
  path: string,
  value: unknown,
  old: unknown,
): FieldCause | undefined {
  const { program, usesOldSelf, rule } = compiled;
  if (usesOldSelf && old === undefined) return undefined;
  // Validation ratcheting: a value left unchanged by an update is not re-judged.
  if (!usesOldSelf && old !== undefined && deepEqual(value, old)) return undefined;
  // Kubernetes shows the schema type as the value; untyped nodes (int-or-string, preserved) show "".
  const typeName = schema.type ?? '';
  if (!program) return invalid(path, typeName, `rule compilation failed: ${rule.rule}`);
  const context = {
    self: toCel(schema, value),
    oldSelf: old === undefined ? null : toCel(schema, old),
  };
  let result: unknown;
  try {
    result = program(context);
  } catch (err) {
    return invalid(
      path,
      typeName,
      `${goStyle(celErrorText(err))} evaluating rule: ${ruleText(compiled)}`,
    );
  }
  if (result === true) return undefined;
  if (result !== false)
    return invalid(path, typeName, `rule did not evaluate to a bool: ${rule.rule}`);
  return failure(
    compiled,
    fieldPathOf(path, rule.fieldPath),
    typeName,
    failureMessage(compiled, context),
  );
}

function failureMessage(compiled: CompiledRule, context: Record<string, unknown>): string {
  if (compiled.messageProgram) {
    try {
      const msg: unknown = compiled.messageProgram(context);
      if (typeof msg === 'string' && msg.trim()) return msg.trim();
    } catch {
      // Kubernetes falls back to message (or the rule) when messageExpression fails.
    }
  }
  return compiled.rule.message?.trim() || `failed rule: ${compiled.rule.rule.trim()}`;
}

function failure(
  compiled: CompiledRule,
  path: string,
  typeName: string,
  message: string,
): FieldCause {
  switch (compiled.rule.reason) {
    case 'FieldValueForbidden':
      return forbidden(path, message);
    case 'FieldValueRequired':
      return required(path, message);
    case 'FieldValueDuplicate':
      return {
        type: 'FieldValueDuplicate',
        field: path,
        message: `Duplicate value: ${printValue(message)}`,
      };
    default:
      return invalid(path, typeName, message);
  }
}

/** Appends a rule's fieldPath (`.a.b`, `['key']`, `[0]`) to the node's path. */
export function fieldPathOf(path: string, fieldPath: string | undefined): string {
  if (!fieldPath) return path;
  let out = path;
  for (const m of fieldPath.matchAll(/\.([A-Za-z_][\w-]*)|\['([^']*)'\]|\[(\d+)\]/g)) {
    if (m[1] !== undefined) out = child(out, m[1]);
    else if (m[2] !== undefined) out = `${out}[${m[2]}]`;
    else if (m[3] !== undefined) out = index(out, Number(m[3]));
  }
  return out;
}
