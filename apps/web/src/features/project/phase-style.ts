import type { HealthStatus, StagePhase } from '@wharf/shared/api';

type ChipColor = 'default' | 'success' | 'error' | 'warning' | 'info';

export const phaseColor: Record<StagePhase, ChipColor> = {
  Ready: 'success',
  Promoting: 'info',
  Verifying: 'info',
  Reconciling: 'warning',
  Failed: 'error',
  NotReady: 'warning',
  NoFreight: 'default',
  Unknown: 'default',
};

export const healthColor: Record<HealthStatus, ChipColor> = {
  Healthy: 'success',
  Unhealthy: 'error',
  Progressing: 'info',
  Unknown: 'default',
  NotApplicable: 'default',
};

export const promotionPhaseColor = (phase: string | undefined): ChipColor =>
  phase === 'Succeeded'
    ? 'success'
    : phase === 'Running' || phase === 'Pending'
      ? 'info'
      : phase
        ? 'error'
        : 'default';
