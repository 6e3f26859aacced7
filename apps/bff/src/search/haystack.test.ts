import { describe, expect, it } from 'vitest';
import { Haystack, narrowestTerm } from './haystack.js';

describe('Haystack', () => {
  const hay = new Haystack(['alpha', 'beta', 'alphabet', 'gamma'], (s) => s);

  it('returns each item containing the term once, in order', () => {
    expect(hay.containing('alpha')).toEqual(['alpha', 'alphabet']);
    expect(hay.containing('a')).toEqual(['alpha', 'beta', 'alphabet', 'gamma']);
    expect(hay.containing('bet')).toEqual(['beta', 'alphabet']);
    expect(hay.containing('delta')).toEqual([]);
  });

  it('never matches across two items, and returns everything for an empty term', () => {
    // "alpha" then "beta": "hab" only exists across the boundary.
    expect(hay.containing('hab')).toEqual(['alphabet']);
    expect(hay.containing('')).toHaveLength(4);
    expect(new Haystack([], (s: string) => s).containing('a')).toEqual([]);
  });

  it('narrows by the longest term', () => {
    expect(narrowestTerm(['ab', 'abcd', 'abc'])).toBe('abcd');
    expect(narrowestTerm([])).toBe('');
  });
});
