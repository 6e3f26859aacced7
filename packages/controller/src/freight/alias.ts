import { randomInt } from 'node:crypto';
import { ADJECTIVES, ANIMALS } from './alias-words.js';

const pick = <T>(list: readonly T[]): T => list[randomInt(list.length)] as T;

/**
 * An adjective-animal alias not in `taken`. After a few random tries it walks the whole space,
 * then falls back to a numbered suffix so it always terminates.
 */
export function generateAlias(taken: ReadonlySet<string>, tries = 20): string {
  for (let i = 0; i < tries; i++) {
    const alias = `${pick(ADJECTIVES)}-${pick(ANIMALS)}`;
    if (!taken.has(alias)) return alias;
  }
  for (const a of ADJECTIVES)
    for (const b of ANIMALS) if (!taken.has(`${a}-${b}`)) return `${a}-${b}`;
  for (let n = 2; ; n++) {
    const alias = `${pick(ADJECTIVES)}-${pick(ANIMALS)}-${n}`;
    if (!taken.has(alias)) return alias;
  }
}
