import { describe, expect, it } from 'vitest';
import type { Condition } from '../kargo/meta.js';
import type { Stage } from '../kargo/stage.js';
import { stageHealthCounts, warehouseHealthCounts } from './summary.js';

const cond = (type: string, status: Condition['status'], reason = 'R'): Condition => ({
  type,
  status,
  reason,
});
const withSteps = { requestedFreight: [], promotionTemplate: { spec: { steps: [{ uses: 'x' }] } } };
const stage = (status: Stage['status'], spec: Stage['spec'] = withSteps) => ({ spec, status });

describe('stageHealthCounts', () => {
  it("counts as Kargo's project stats do: by the Healthy condition, without control-flow stages", () => {
    const counts = stageHealthCounts([
      stage({ conditions: [cond('Healthy', 'True')] }),
      stage({ conditions: [cond('Healthy', 'False', 'Unhealthy')] }),
      stage({ conditions: [cond('Healthy', 'Unknown')], health: { status: 'Progressing' } }),
      stage({ conditions: [cond('Healthy', 'Unknown', 'NoFreight')] }),
      // A control-flow stage: Ready=True and no health at all; Kargo leaves it out of the stats.
      stage({ conditions: [cond('Ready', 'True', 'Ready')] }, { requestedFreight: [] }),
    ]);
    expect(counts).toEqual({ count: 4, healthy: 1, unhealthy: 1, progressing: 1, unknown: 1 });
  });
});

describe('warehouseHealthCounts', () => {
  it('counts a warehouse whose discovery keeps failing as unhealthy, not progressing', () => {
    const failing = {
      status: {
        conditions: [
          cond('Reconciling', 'True', 'ScheduledDiscovery'),
          cond('Healthy', 'False', 'DiscoveryFailed'),
          cond('Ready', 'False', 'DiscoveryFailure'),
        ],
      },
    };
    const discovering = {
      status: {
        conditions: [cond('Reconciling', 'True'), cond('Healthy', 'Unknown', 'Pending')],
      },
    };
    const healthy = { status: { conditions: [cond('Healthy', 'True'), cond('Ready', 'True')] } };
    expect(warehouseHealthCounts([failing, discovering, healthy, {}])).toEqual({
      count: 4,
      healthy: 1,
      unhealthy: 1,
      progressing: 1,
      unknown: 1,
    });
  });
});
