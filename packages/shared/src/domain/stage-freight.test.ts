import { describe, expect, it } from 'vitest';
import type { Freight } from '../kargo/freight.js';
import type { Stage } from '../kargo/stage.js';
import { currentFreightNames, isVerifiedIn, stagesHolding } from './stage-freight.js';

describe('stage and freight cross-references', () => {
  const stage: Pick<Stage, 'status'> = {
    status: {
      freightHistory: [
        {
          id: 'new',
          items: {
            'Warehouse/a': { name: 'fa', origin: { kind: 'Warehouse', name: 'a' } },
            'Warehouse/b': { name: 'fb', origin: { kind: 'Warehouse', name: 'b' } },
          },
        },
        { id: 'old', items: { 'Warehouse/a': { name: 'old-fa' } } },
      ],
    },
  };

  it('reads the current freight from the newest history entry only', () => {
    expect(currentFreightNames(stage)).toEqual(['fa', 'fb']);
    expect(currentFreightNames({})).toEqual([]);
  });

  it('lists the stages holding a freight and where it is verified', () => {
    const f: Pick<Freight, 'status'> = {
      status: { currentlyIn: { qa: {}, dev: {} }, verifiedIn: { dev: {} } },
    };
    expect(stagesHolding(f)).toEqual(['dev', 'qa']);
    expect(isVerifiedIn(f, 'dev')).toBe(true);
    expect(isVerifiedIn(f, 'qa')).toBe(false);
  });
});
