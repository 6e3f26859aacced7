import { describe, expect, it } from 'vitest';
import type { Condition } from '../kargo/meta.js';
import { projectTileCounts, summarizeStages, summarizeWarehouses } from './summary.js';

const cond = (type: string, status: Condition['status'], reason = 'R'): Condition => ({
  type,
  status,
  reason,
});

describe('summarizeStages', () => {
  it('counts healthy and unhealthy stages and tallies every phase', () => {
    const summary = summarizeStages([
      { status: { health: { status: 'Healthy' }, conditions: [cond('Ready', 'True')] } },
      { status: { health: { status: 'Unhealthy' }, conditions: [cond('Ready', 'False')] } },
      { status: { conditions: [cond('Promoting', 'True')] } },
      { status: { conditions: [cond('Ready', 'False', 'NoFreight')] } },
      {},
    ]);
    expect(summary).toMatchObject({ count: 5, healthy: 1, unhealthy: 1 });
    expect(summary.byPhase).toEqual({
      Promoting: 1,
      Verifying: 0,
      Reconciling: 0,
      Failed: 1,
      NoFreight: 1,
      Ready: 1,
      Unknown: 1,
    });
  });
});

describe('summarizeWarehouses', () => {
  it('counts warehouses whose Healthy condition is True, falling back to Ready', () => {
    expect(
      summarizeWarehouses([
        { status: { conditions: [cond('Healthy', 'True'), cond('Ready', 'False')] } },
        { status: { conditions: [cond('Ready', 'True')] } },
        { status: { conditions: [cond('Healthy', 'False'), cond('Ready', 'True')] } },
        {},
      ]),
    ).toEqual({ count: 4, healthy: 2 });
  });
});

describe('projectTileCounts', () => {
  it("uses Kargo's project stats when the controller has filled them", () => {
    const project = {
      status: {
        stats: { stages: { count: 3, health: { healthy: 2 } }, warehouses: { count: 1 } },
      },
    };
    expect(projectTileCounts(project, { stages: [], warehouses: [] })).toEqual({
      stages: { count: 3, healthy: 2 },
      warehouses: { count: 1, healthy: 0 },
      source: 'project-status',
    });
  });

  it('counts the given objects when the project has no stats yet', () => {
    expect(
      projectTileCounts(
        { status: {} },
        {
          stages: [{ status: { health: { status: 'Healthy' } } }, {}],
          warehouses: [{ status: { conditions: [cond('Healthy', 'True')] } }],
        },
      ),
    ).toEqual({
      stages: { count: 2, healthy: 1 },
      warehouses: { count: 1, healthy: 1 },
      source: 'objects',
    });
  });
});
