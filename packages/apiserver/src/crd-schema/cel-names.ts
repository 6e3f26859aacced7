// How Kubernetes exposes schema property names to CEL: names that are CEL
// keywords become __name__, and `__`, `.`, `-`, `/` are spelled out, so that
// `self.__if__` reaches the property `if` and `self.foo__dash__bar` reaches `foo-bar`.

const RESERVED = new Set([
  'true',
  'false',
  'null',
  'in',
  'as',
  'break',
  'const',
  'continue',
  'else',
  'for',
  'function',
  'if',
  'import',
  'let',
  'loop',
  'package',
  'namespace',
  'return',
  'var',
  'void',
  'while',
]);

export function celPropertyName(name: string): string {
  if (RESERVED.has(name)) return `__${name}__`;
  return name
    .replaceAll('__', '__underscores__')
    .replaceAll('.', '__dot__')
    .replaceAll('-', '__dash__')
    .replaceAll('/', '__slash__');
}
