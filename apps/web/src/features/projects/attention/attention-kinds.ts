import type { AttentionItem, AttentionKind } from '@wharf/shared';

/** The filter's and the list's words for each kind. */
export const KIND_LABEL: Record<AttentionKind, string> = {
  'promotion-failed': 'Failed promotions',
  'verification-failed': 'Failed verifications',
  'stage-unhealthy': 'Unhealthy stages',
  'warehouse-failing': 'Failing warehouses',
  'promotion-slow': 'Slow promotions',
  'auto-promotion-held': 'Held auto-promotions',
  'approval-requested': 'Approvals asked for',
};

/** Where an item's subject opens in its project (the drawer that shows it). */
export function itemLink(i: AttentionItem): string {
  const base = `/projects/${encodeURIComponent(i.project)}`;
  if (i.promotion && (i.kind === 'promotion-failed' || i.kind === 'promotion-slow'))
    return `${base}/promotions/${encodeURIComponent(i.promotion)}`;
  if (i.stage) return `${base}/stages/${encodeURIComponent(i.stage)}`;
  if (i.warehouse) return `${base}/warehouses/${encodeURIComponent(i.warehouse)}`;
  return base;
}

/** `?project=` and `?kind=` (comma-separated) as the list's filter. */
export function parseFilter(params: URLSearchParams): {
  projects: Set<string> | undefined;
  kinds: Set<string> | undefined;
} {
  const list = (k: string) => {
    const v = params.get(k);
    return v ? new Set(v.split(',').filter(Boolean)) : undefined;
  };
  return { projects: list('project'), kinds: list('kind') };
}
