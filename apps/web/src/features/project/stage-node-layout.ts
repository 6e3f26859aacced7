import type { ArgoCdApp, StageView } from '@wharf/shared/api';

/** Size of a stage holding freight of one origin; each further origin adds a freight line. */
export const STAGE_SIZE = { width: 250, height: 150 };
export const FREIGHT_LINE = 18;

/** Fixed per stage (from the origins it requests, not its status), so layout stays stable. */
export function stageNodeSize(stage: Pick<StageView, 'requestedFreight'> | undefined) {
  const extra = Math.max(0, (stage?.requestedFreight.length ?? 1) - 1);
  return { width: STAGE_SIZE.width, height: STAGE_SIZE.height + extra * FREIGHT_LINE };
}

// Argo CD health, worst first.
const ARGO_ORDER = ['Degraded', 'Missing', 'Unknown', 'Suspended', 'Progressing', 'Healthy'];

/** The application whose health should colour a stage's Argo CD badge. */
export function worstArgoCdApp(apps: readonly ArgoCdApp[]): ArgoCdApp | undefined {
  const rank = (a: ArgoCdApp) => {
    const i = ARGO_ORDER.indexOf(a.health ?? 'Unknown');
    return i < 0 ? ARGO_ORDER.indexOf('Unknown') : i;
  };
  return [...apps].sort((a, b) => rank(a) - rank(b))[0];
}
