import { describe, expect, it } from 'vitest';
import { yamlCursorAt } from './yaml-cursor.js';

const at = (text: string) => yamlCursorAt(text.replace('|', ''), text.indexOf('|'));

describe('the YAML path under the cursor while typing', () => {
  it('finds the mapping a new key goes into, through compact and indented lists', () => {
    const doc = `spec:
  requestedFreight:
  - origin:
      kind: Warehouse
    so|`;
    expect(at(doc)).toEqual({
      path: ['spec', 'requestedFreight', 0],
      position: 'key',
      prefix: 'so',
    });
    expect(
      at(
        'spec:\n  promotionTemplate:\n    spec:\n      steps:\n        - uses: git-clone\n          |',
      ),
    ).toEqual({
      path: ['spec', 'promotionTemplate', 'spec', 'steps', 0],
      position: 'key',
      prefix: '',
    });
  });

  it('knows when the cursor is on a value, and leaves a finished sibling block', () => {
    expect(at('spec:\n  requestedFreight:\n  - origin:\n      kind: Wa|')).toEqual({
      path: ['spec', 'requestedFreight', 0, 'origin', 'kind'],
      position: 'value',
      prefix: 'Wa',
    });
    expect(at('metadata:\n  name: x\nspec:\n  |')).toEqual({
      path: ['spec'],
      position: 'key',
      prefix: '',
    });
    expect(at('|')).toEqual({ path: [], position: 'key', prefix: '' });
  });
});
