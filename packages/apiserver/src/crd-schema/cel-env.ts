import { Environment } from '@marcbachmann/cel-js';
import { mustCompileGoRegexp } from './go-regexp.js';

// One CEL environment for x-kubernetes-validations: `self` and `oldSelf` are dynamic,
// plus the Kubernetes string and regex library functions the base library lacks.

function build(): Environment {
  return new Environment({ homogeneousAggregateLiterals: false })
    .registerVariable('self', 'dyn')
    .registerVariable('oldSelf', 'dyn')
    .registerFunction(
      'string.replace(string, string): string',
      (s: string, from: string, to: string) => s.split(from).join(to),
    )
    .registerFunction(
      'string.charAt(int): string',
      (s: string, i: bigint) => [...s][Number(i)] ?? '',
    )
    .registerFunction(
      'string.find(string): string',
      (s: string, re: string) => mustCompileGoRegexp(re).find(s) ?? '',
    )
    .registerFunction('string.findAll(string): list<string>', (s: string, re: string) =>
      mustCompileGoRegexp(re).findAll(s),
    )
    .registerFunction('list.isSorted(): bool', (l: unknown[]) =>
      l.every((v, i) => i === 0 || compare(l[i - 1], v) <= 0),
    );
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (
    (typeof a === 'number' || typeof a === 'bigint') &&
    (typeof b === 'number' || typeof b === 'bigint')
  ) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return 0;
}

let shared: Environment | undefined;

export function celEnvironment(): Environment {
  shared ??= build();
  return shared;
}
