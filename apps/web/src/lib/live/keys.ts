/** The project's live state (snapshot + deltas) in the query cache. */
export const projectLiveKey = (project: string) => ['project', project, 'live'] as const;

/**
 * Freight windows and lookups of one snapshot of a project. A new snapshot replaces the state
 * (and drops the freight fetched into the old one), so it starts new windows.
 */
export const freightWindowsKey = (project: string, snapshotId: number) =>
  ['project', project, 'freight-window', snapshotId] as const;

/** Promotions asked for in one snapshot of a project (a stage's, or some by name), as freight. */
export const promotionWindowsKey = (project: string, snapshotId: number) =>
  ['project', project, 'promotion-window', snapshotId] as const;
