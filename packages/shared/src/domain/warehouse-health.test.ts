import { describe, expect, it } from 'vitest';
import type { Condition } from '../kargo/meta.js';
import { warehouseHealth } from './warehouse-health.js';

const cond = (
  type: string,
  status: Condition['status'],
  reason: string,
  message = '',
): Condition => ({
  type,
  status,
  reason,
  message,
});
const wh = (...conditions: Condition[]) => ({ status: { conditions } });

describe('warehouseHealth', () => {
  it('says Unhealthy with the reason when discovery failed, though Reconciling is still True', () => {
    // Kargo v1.11's warehouse reconciler returns with these three set after a failed discovery.
    expect(
      warehouseHealth(
        wh(
          cond(
            'Reconciling',
            'True',
            'ScheduledDiscovery',
            'Discovering artifacts for 1 subscriptions',
          ),
          cond('Ready', 'False', 'DiscoveryFailure', 'Artifact discovery failed: boom'),
          cond('Healthy', 'False', 'DiscoveryFailed', 'Unable to discover artifacts: boom'),
        ),
      ),
    ).toEqual({ state: 'Unhealthy', message: 'Unable to discover artifacts: boom' });
  });

  it('says Reconciling while a discovery runs and health is not known yet', () => {
    expect(
      warehouseHealth(
        wh(
          cond('Reconciling', 'True', 'ScheduledDiscovery'),
          cond('Healthy', 'Unknown', 'Pending'),
        ),
      ).state,
    ).toBe('Reconciling');
  });

  it('says Healthy from the Healthy condition, even if Ready lags', () => {
    expect(warehouseHealth(wh(cond('Healthy', 'True', 'ReconciliationSucceeded'))).state).toBe(
      'Healthy',
    );
  });

  it('falls back to Ready when there is no Healthy condition, and Unknown with nothing', () => {
    expect(warehouseHealth(wh(cond('Ready', 'True', 'ArtifactsDiscovered'))).state).toBe('Healthy');
    expect(warehouseHealth(wh(cond('Ready', 'False', 'X', 'why'))).message).toBe('why');
    expect(warehouseHealth({}).state).toBe('Unknown');
  });
});
