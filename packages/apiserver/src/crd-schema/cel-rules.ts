import type { ParseResult } from '@marcbachmann/cel-js';
import { celEnvironment } from './cel-env.js';
import { celErrorText } from './cel-value.js';
import { child, index } from './field-path.js';
import type { Schema, ValidationRule } from './types.js';
import { additionalSchema } from './types.js';

export interface CompiledRule {
  rule: ValidationRule;
  program?: ParseResult;
  messageProgram?: ParseResult;
  /** Transition rules compare with the stored object and only run on update. */
  usesOldSelf: boolean;
}

export interface RuleProblem {
  /** Where in the schema, e.g. `properties[spec].x-kubernetes-validations[0].rule`. */
  path: string;
  rule: string;
  message: string;
}

export interface CompiledRules {
  bySchema: WeakMap<Schema, CompiledRule[]>;
  /** How many rules the schema holds. */
  count: number;
  problems: RuleProblem[];
}

function compileOne(rule: ValidationRule, path: string, problems: RuleProblem[]): CompiledRule {
  const env = celEnvironment();
  const out: CompiledRule = { rule, usesOldSelf: /\boldSelf\b/.test(rule.rule) };
  try {
    out.program = env.parse(rule.rule);
    const checked = out.program.check();
    if (!checked.valid) throw checked.error;
  } catch (err) {
    delete out.program;
    problems.push({
      path: `${path}.rule`,
      rule: rule.rule,
      message: `compilation failed: ${celErrorText(err)}`,
    });
  }
  if (rule.messageExpression) {
    try {
      out.messageProgram = env.parse(rule.messageExpression);
    } catch (err) {
      problems.push({
        path: `${path}.messageExpression`,
        rule: rule.messageExpression,
        message: `messageExpression compilation failed: ${celErrorText(err)}`,
      });
    }
  }
  return out;
}

/** Compiles every x-kubernetes-validations rule in the schema tree once. */
export function compileRules(root: Schema): CompiledRules {
  const compiled: CompiledRules = { bySchema: new WeakMap(), count: 0, problems: [] };
  const walk = (schema: Schema, path: string) => {
    const rules = schema['x-kubernetes-validations'] ?? [];
    compiled.count += rules.length;
    if (rules.length > 0) {
      compiled.bySchema.set(
        schema,
        rules.map((r, i) =>
          compileOne(r, index(child(path, 'x-kubernetes-validations'), i), compiled.problems),
        ),
      );
    }
    for (const [name, sub] of Object.entries(schema.properties ?? {}))
      walk(sub, `${child(path, 'properties')}[${name}]`);
    if (schema.items) walk(schema.items, child(path, 'items'));
    const extra = additionalSchema(schema);
    if (extra) walk(extra, child(path, 'additionalProperties'));
  };
  walk(root, '');
  return compiled;
}
