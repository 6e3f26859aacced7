import { describe, expect, it } from 'vitest';
import { promotionRefusal } from './promotion-refusal.js';

const stage = (steps?: { uses: string }[]) => ({
  metadata: { name: 'gate' },
  spec: {
    requestedFreight: [],
    ...(steps ? { promotionTemplate: { spec: { steps } } } : {}),
  },
});

describe('promotionRefusal', () => {
  it('refuses a control-flow stage, saying why', () => {
    expect(promotionRefusal(stage())).toMatch(/gate is a control-flow stage.*refuses promotions/);
    expect(promotionRefusal(stage([]))).toBeDefined();
  });

  it('accepts a stage with promotion steps', () => {
    expect(promotionRefusal(stage([{ uses: 'git-clone' }]))).toBeUndefined();
  });
});
