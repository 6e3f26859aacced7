import type { ArgoCdApp, RoomStageView } from '@wharf/shared/api';

/** Size of a stage holding freight of one origin; each further origin adds a freight line. */
export const STAGE_SIZE = { width: 250, height: 150 };
export const FREIGHT_LINE = 18;

/** Fixed per stage (from the origins it requests, not its status), so layout stays stable. */
export function stageNodeSize(stage: Pick<RoomStageView, 'requestedFreight'> | undefined) {
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

/** One application in a sentence: where it is, its health and sync, and why. */
export const describeArgoCdApp = (a: ArgoCdApp) =>
  `${a.namespace}/${a.name}: ${a.health ?? 'health unknown'}${a.sync ? `, ${a.sync}` : ''}${
    a.healthMessage ? ` (${a.healthMessage})` : ''
  }`;

/** The accessible name of an application's badge: a link to Argo CD when its URL is known. */
export const argoCdAppLabel = (a: ArgoCdApp, linked: boolean) =>
  linked
    ? `Open ${a.name} in Argo CD: ${a.health ?? 'health unknown'}`
    : `Argo CD application ${describeArgoCdApp(a)}`;
