import { describe, expect, it } from 'vitest';
import { getIn, setIn } from './object-edit';

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
