import jsep from 'jsep';

// expr-lang (Kargo's expression language) spells logic with words too.
jsep.addBinaryOp('or', 1);
jsep.addBinaryOp('and', 2);
jsep.addBinaryOp('in', 7);
jsep.addBinaryOp('??', 1);
jsep.addUnaryOp('not');

export type Fn = (...args: unknown[]) => unknown;
export interface Env {
  values: Record<string, unknown>;
  functions: Record<string, Fn>;
}

export class ExpressionError extends Error {}

const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

function member(obj: unknown, key: unknown): unknown {
  if (obj === null || obj === undefined) return undefined;
  if (typeof key === 'number' && Array.isArray(obj)) return obj.at(key);
  const k = String(key);
  if (FORBIDDEN.has(k)) throw new ExpressionError(`"${k}" cannot be accessed in an expression`);
  if (typeof obj === 'object' && Object.hasOwn(obj, k)) return (obj as Record<string, unknown>)[k];
  return undefined;
}

const truthy = (v: unknown) => Boolean(v);

function binary(op: string, l: () => unknown, r: () => unknown): unknown {
  switch (op) {
    case '&&':
    case 'and':
      return truthy(l()) && truthy(r());
    case '||':
    case 'or':
      return truthy(l()) || truthy(r());
    case '??':
      return l() ?? r();
  }
  const a = l();
  const b = r();
  switch (op) {
    case '==':
    case '===':
      return a === b;
    case '!=':
    case '!==':
      return a !== b;
    case '<':
      return (a as number) < (b as number);
    case '>':
      return (a as number) > (b as number);
    case '<=':
      return (a as number) <= (b as number);
    case '>=':
      return (a as number) >= (b as number);
    case '+':
      return typeof a === 'number' && typeof b === 'number' ? a + b : `${String(a)}${String(b)}`;
    case '-':
      return (a as number) - (b as number);
    case '*':
      return (a as number) * (b as number);
    case '/':
      return (a as number) / (b as number);
    case '%':
      return (a as number) % (b as number);
    case 'in':
      return Array.isArray(b)
        ? b.includes(a)
        : typeof b === 'object' && b !== null && Object.hasOwn(b, String(a));
  }
  throw new ExpressionError(`operator "${op}" is not supported`);
}

function evalNode(n: jsep.Expression, env: Env): unknown {
  switch (n.type) {
    case 'Literal':
      return (n as jsep.Literal).value;
    case 'Identifier': {
      const name = (n as jsep.Identifier).name;
      if (name === 'true' || name === 'false') return name === 'true';
      if (name === 'nil' || name === 'null') return null;
      if (!Object.hasOwn(env.values, name)) throw new ExpressionError(`unknown name "${name}"`);
      return env.values[name];
    }
    case 'MemberExpression': {
      const m = n as jsep.MemberExpression;
      const key = m.computed ? evalNode(m.property, env) : (m.property as jsep.Identifier).name;
      return member(evalNode(m.object, env), key);
    }
    case 'CallExpression': {
      const c = n as jsep.CallExpression;
      if (c.callee.type !== 'Identifier')
        throw new ExpressionError('only named functions can be called');
      const name = (c.callee as jsep.Identifier).name;
      const fn = Object.hasOwn(env.functions, name) ? env.functions[name] : undefined;
      if (!fn) throw new ExpressionError(`unknown function "${name}"`);
      return fn(...c.arguments.map((a) => evalNode(a, env)));
    }
    case 'BinaryExpression': {
      const b = n as jsep.BinaryExpression;
      return binary(
        b.operator,
        () => evalNode(b.left, env),
        () => evalNode(b.right, env),
      );
    }
    case 'UnaryExpression': {
      const u = n as jsep.UnaryExpression;
      const v = evalNode(u.argument, env);
      if (u.operator === '!' || u.operator === 'not') return !truthy(v);
      if (u.operator === '-') return -(v as number);
      if (u.operator === '+') return Number(v);
      throw new ExpressionError(`operator "${u.operator}" is not supported`);
    }
    case 'ConditionalExpression': {
      const c = n as jsep.ConditionalExpression;
      return truthy(evalNode(c.test, env))
        ? evalNode(c.consequent, env)
        : evalNode(c.alternate, env);
    }
    case 'ArrayExpression':
      return (n as jsep.ArrayExpression).elements.map((e) => (e ? evalNode(e, env) : null));
  }
  throw new ExpressionError(`${n.type} is not supported in expressions`);
}

/** Evaluates one expression over plain data; no JavaScript is ever executed. */
export function evaluate(source: string, env: Env): unknown {
  let ast: jsep.Expression;
  try {
    ast = jsep(source);
  } catch (err) {
    throw new ExpressionError(
      `cannot parse "${source}": ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  return evalNode(ast, env);
}
