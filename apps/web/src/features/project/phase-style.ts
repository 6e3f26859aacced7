import type { HealthStatus, StagePhase } from '@wharf/shared/api';

export type ChipColor = 'default' | 'success' | 'error' | 'warning' | 'info';

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

/** Colour of an Argo CD application's health (Healthy, Progressing, Degraded, Suspended, Missing). */
export const argoHealthColor = (health: string | undefined): ChipColor =>
  health === 'Healthy'
    ? 'success'
    : health === 'Progressing'
      ? 'info'
      : health === 'Degraded'
        ? 'error'
        : health === 'Suspended' || health === 'Missing'
          ? 'warning'
          : 'default';

/** Colour of a verification phase (Pending, Running, Successful, Failed, Error, Aborted, Inconclusive). */
export const verificationPhaseColor = (phase: string | undefined): ChipColor =>
  phase === 'Successful'
    ? 'success'
    : phase === 'Running' || phase === 'Pending'
      ? 'info'
      : phase === 'Inconclusive'
        ? 'warning'
        : phase
          ? 'error'
          : 'default';
