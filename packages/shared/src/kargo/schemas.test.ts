import { describe, expect, it } from 'vitest';
import { FreightSchema, StageSchema, WarehouseSchema } from './index.js';

describe('Kargo schemas', () => {
  it('keep fields Kargo adds that Wharf does not know, at every level', () => {
    const stage = StageSchema.parse({
      apiVersion: 'kargo.akuity.io/v1alpha1',
      kind: 'Stage',
      metadata: { name: 'dev', namespace: 'demo', futureMeta: 1 },
      spec: {
        futureSpec: 'x',
        requestedFreight: [
          {
            origin: { kind: 'Warehouse', name: 'w' },
            sources: { direct: true, futureSource: [1, 2] },
          },
        ],
      },
      status: { futureStatus: { deep: true }, health: { status: 'Healthy', extra: 3 } },
    });
    expect(stage.metadata['futureMeta']).toBe(1);
    expect(stage.spec['futureSpec']).toBe('x');
    expect(stage.spec.requestedFreight[0]?.sources['futureSource']).toEqual([1, 2]);
    expect(stage.status?.['futureStatus']).toEqual({ deep: true });
    expect(stage.status?.health?.['extra']).toBe(3);
  });

  it('keep generic warehouse subscriptions as they are', () => {
    const wh = WarehouseSchema.parse({
      metadata: { name: 'w' },
      spec: { subscriptions: [{ subscription: { type: 'oci', name: 'x' } }] },
    });
    expect(wh.spec.subscriptions[0]?.['subscription']).toEqual({ type: 'oci', name: 'x' });
  });

  it('reject freight without an origin, saying where', () => {
    const result = FreightSchema.safeParse({ metadata: { name: 'f' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['origin']);
  });

  it('reject a stage with an unknown availability strategy', () => {
    const result = StageSchema.safeParse({
      metadata: { name: 's' },
      spec: {
        requestedFreight: [
          {
            origin: { kind: 'Warehouse', name: 'w' },
            sources: { availabilityStrategy: 'Some' },
          },
        ],
      },
    });
    expect(result.success).toBe(false);
  });
});
