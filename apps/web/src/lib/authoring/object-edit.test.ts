import { describe, expect, it } from 'vitest';
import { getIn, linesOf, listOfLines, setIn } from './object-edit';

describe('editing one field of an object', () => {
  it('keeps every other field, and drops a key (and its emptied parents) when cleared', () => {
    const o = { metadata: { name: 'a', annotations: { x: '1' } }, spec: { keep: { deep: true } } };
    const set = setIn(o, ['metadata', 'annotations', 'kargo.akuity.io/color'], 'teal');
    expect(set).toEqual({
      metadata: { name: 'a', annotations: { x: '1', 'kargo.akuity.io/color': 'teal' } },
      spec: { keep: { deep: true } },
    });
    expect(o.metadata.annotations).toEqual({ x: '1' });
    expect(setIn(o, ['metadata', 'annotations', 'x'], '')).toEqual({
      metadata: { name: 'a' },
      spec: { keep: { deep: true } },
    });
  });

  it('walks into lists by index', () => {
    const o = { steps: [{ uses: 'a', config: { p: 1 } }] };
    expect(getIn(setIn(o, ['steps', 0, 'config', 'q'], 2), ['steps', 0, 'config'])).toEqual({
      p: 1,
      q: 2,
    });
  });
});

describe('a list edited as lines (tag regexps of a subscription)', () => {
  it('one entry per line, blank lines dropped, nothing left unsets the field', () => {
    expect(listOfLines('^v1\\.\n\n(?i)^release-\n')).toEqual(['^v1\\.', '(?i)^release-']);
    expect(listOfLines('\n  \n')).toBeUndefined();
    expect(linesOf(['^v1', '^v2'])).toBe('^v1\n^v2');
    expect(linesOf(undefined)).toBe('');
  });
});
