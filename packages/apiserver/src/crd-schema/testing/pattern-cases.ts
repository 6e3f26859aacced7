// Values that must match and values that must not, for every `pattern` the real Kargo CRDs
// declare. A pattern without an entry here fails crd-patterns.test.ts, so a CRD update that adds
// one is noticed. `noMatch` values satisfy the node's other limits (length), so only the pattern
// can refuse them.
import type { Schema } from '../types.js';

export interface PatternCases {
  match: string[];
  noMatch: string[];
}

const DNS_SUBDOMAIN = '^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$';
const CONDITION_REASON = '^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$';
const CONDITION_TYPE =
  '^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$';
const VAR_NAME = '^[a-zA-Z_]\\w*$';
const DURATION = '^([0-9]+(\\.[0-9]+)?(s|m|h))+$';
const GIT_URL =
  '(?:^(ssh|https?)://(?:([\\w-]+)(:(.+))?@)?([\\w-]+(?:\\.[\\w-]+)*)(?::(\\d{1,5}))?(/.*)$)|(?:^([\\w-]+)@([\\w+]+(?:\\.[\\w-]+)*):(/?.*))';
const DIGEST = '^[a-z0-9]+:[a-f0-9]+$';
// `\_` is legal in Go (any punctuation may be escaped) and illegal in an ECMAScript `u` regex.
const IMAGE_TAG = '^[\\w.\\-\\_]+$';

export const KARGO_PATTERN_CASES: Record<string, PatternCases> = {
  [DNS_SUBDOMAIN]: {
    match: ['test', 'uat-1', '0', 'eu.prod-2.a'],
    noMatch: ['Test', '-test', 'test-', 'a..b', 'a_b', 'a b', 'prod.'],
  },
  [CONDITION_REASON]: {
    match: ['NoFreight', 'DiscoveryFailed', 'A', 'Reason_1,Other:Two'],
    noMatch: ['1Reason', 'Bad Reason', 'Trailing:', 'with-dash', '_x'],
  },
  [CONDITION_TYPE]: {
    match: ['Ready', 'Healthy', 'kargo.akuity.io/Verified', 'a-b_c.d', 'X'],
    noMatch: ['Ready!', 'a/', '/Ready', 'Upper.Case/Ready', '-Ready', 'Ready-'],
  },
  [VAR_NAME]: {
    match: ['imageTag', '_x', 'a1_B', 'Z'],
    // Go's \w is ASCII-only: a letter with an accent is not a word character.
    noMatch: ['1abc', 'image-tag', 'café', 'a b', 'a.b'],
  },
  [DURATION]: {
    match: ['5m0s', '1h', '1.5h30m', '0s', '10m'],
    noMatch: ['5', '5d', 'm5', '1.h', '', '1h ', '-1h'],
  },
  [GIT_URL]: {
    match: [
      'https://github.com/akuity/kargo',
      'https://git.wharf.invalid/echo-server',
      'ssh://git@github.com/akuity/kargo.git',
      'http://user:secret@git.example.com:8080/team/repo.git',
      'git@github.com:akuity/kargo.git',
    ],
    noMatch: ['github.com/akuity/kargo', 'ftp://host/x', 'https://host', 'file:///tmp/repo'],
  },
  [DIGEST]: {
    match: [`sha256:${'0123456789abcdef'.repeat(4)}`, 'sha512:ab'],
    noMatch: ['sha256:XYZ', 'sha256', 'SHA256:abc', 'sha256:ab cd', ':ab'],
  },
  [IMAGE_TAG]: {
    match: ['v1.2.3', 'latest', '1.0.0-rc.1', 'build_42', '2024.01.01-abc_def'],
    noMatch: ['v1 2', 'v1/2', 'tag:1', 'café', 'a+b', 'v1.2.3\n'],
  },
};

export interface PatternSite {
  /** Where the pattern sits, e.g. `Warehouse.status.discoveredArtifacts.images[].references[].tag`. */
  path: string;
  /** The schema node that carries it. */
  node: Schema;
}

/** Every schema node with a `pattern`, with a readable path, including inside combinators. */
export function patternSites(schema: Schema, path: string, out: PatternSite[] = []): PatternSite[] {
  if (typeof schema.pattern === 'string') out.push({ path, node: schema });
  for (const [name, sub] of Object.entries(schema.properties ?? {}))
    patternSites(sub, `${path}.${name}`, out);
  if (schema.items) patternSites(schema.items, `${path}[]`, out);
  if (typeof schema.additionalProperties === 'object')
    patternSites(schema.additionalProperties, `${path}{}`, out);
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const)
    (schema[key] ?? []).forEach((sub, i) => patternSites(sub, `${path}.${key}[${i}]`, out));
  if (schema.not) patternSites(schema.not, `${path}.not`, out);
  return out;
}
