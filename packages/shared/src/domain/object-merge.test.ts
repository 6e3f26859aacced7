import { describe, expect, it } from 'vitest';
import { merge3, sameContent } from './object-merge.js';

describe('three-way merge of an edited object', () => {
  const base = { metadata: { name: 's', annotations: { a: '1' } }, spec: { x: 1, list: [1, 2] } };

  it('applies my change onto a different change of theirs', () => {
    const mine = { ...base, spec: { ...base.spec, x: 2 } };
    const theirs = { ...base, metadata: { name: 's', annotations: { a: '1', b: '2' } } };
    expect(merge3(base, mine, theirs)).toEqual({
      merged: {
        metadata: { name: 's', annotations: { a: '1', b: '2' } },
        spec: { x: 2, list: [1, 2] },
      },
      conflicts: [],
    });
  });

  it('reports the path both sides changed differently, and merges nothing', () => {
    const mine = { ...base, metadata: { name: 's', annotations: { a: 'mine' } } };
    const theirs = { ...base, metadata: { name: 's', annotations: { a: 'theirs' } } };
    expect(merge3(base, mine, theirs)).toEqual({ conflicts: ['metadata.annotations.a'] });
  });

  it('treats lists as one value and a deleted key as a change', () => {
    const mine = { ...base, spec: { x: 1 } };
    const theirs = { ...base, spec: { x: 1, list: [1, 2, 3] } };
    expect(merge3(base, mine, theirs).conflicts).toEqual(['spec.list']);
  });

  it('counts status and resourceVersion changes as no change of content', () => {
    const a = { metadata: { name: 's', resourceVersion: '1' }, spec: { x: 1 } };
    const b = {
      metadata: { name: 's', resourceVersion: '9', generation: 2 },
      spec: { x: 1 },
      status: { y: 1 },
    };
    expect(sameContent(a, b)).toBe(true);
    expect(sameContent(a, { ...b, spec: { x: 2 } })).toBe(false);
  });
});
