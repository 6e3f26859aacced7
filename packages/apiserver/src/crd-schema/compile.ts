import { celValidateNode } from './cel-validate.js';
import { compileRules } from './cel-rules.js';
import type { RuleProblem } from './cel-rules.js';
import { defaultNode } from './defaults.js';
import { invalid } from './field-errors.js';
import { pruneNode, unknownFieldPaths } from './prune.js';
import type { FieldCause, JsonObject, Schema } from './types.js';
import { validateNode } from './validate.js';

export interface CompiledSchema {
  /** Drops unknown fields in place. */
  prune(obj: JsonObject): void;
  /** Paths of unknown fields (`spec.steps[0].colour`) without changing `obj`: for fieldValidation Strict/Warn. */
  unknownFields(obj: JsonObject): string[];
  /** Applies structural defaults in place. */
  applyDefaults(obj: JsonObject): void;
  /** OpenAPI v3 then CEL validation; transition rules only when `oldObj` is given. */
  validate(obj: JsonObject, oldObj?: JsonObject): FieldCause[];
  /** CEL rules that did not compile (a valid CRD has none). */
  ruleProblems: RuleProblem[];
}

const BLOCKING = new Set([
  'FieldValueNotSupported',
  'FieldValueRequired',
  'FieldValueTooLong',
  'FieldValueTooMany',
  'FieldValueTypeInvalid',
]);

const NOT_CHECKED =
  'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';

/**
 * Compiles a CRD version's openAPIV3Schema. The server should prune, then apply
 * defaults, then validate, as Kubernetes does for a create or update.
 */
export function compileSchema(openAPIV3Schema: Record<string, unknown>): CompiledSchema {
  // A private copy: the compiled rules are keyed by schema node, so later edits of the input must not matter.
  const schema = structuredClone(openAPIV3Schema) as Schema;
  const rules = compileRules(schema);
  return {
    ruleProblems: rules.problems,
    prune: (obj) => pruneNode(schema, obj),
    unknownFields: (obj) => unknownFieldPaths(schema, obj),
    applyDefaults: (obj) => defaultNode(schema, obj),
    validate: (obj, oldObj) => {
      const causes = validateNode(schema, '', obj, oldObj);
      // Like Kubernetes, CEL rules do not run once a value is missing, of the wrong
      // type, unsupported or over a size limit; a pattern or minimum failure does not stop them.
      if (causes.some((c) => BLOCKING.has(c.type))) {
        return [...causes, invalid('', null, NOT_CHECKED)];
      }
      return [...causes, ...celValidateNode(rules, schema, '', obj, oldObj)];
    },
  };
}
