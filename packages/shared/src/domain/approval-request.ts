import type { Freight } from '../kargo/freight.js';

/**
 * Kargo records no request for an approval: `status.approvedFor` says only that one was given.
 * Wharf keeps the request where Kargo keeps arbitrary facts about a Freight, its
 * `status.metadata` (the map Kargo's `set-metadata` step writes and `freightMetadata()` reads),
 * under this key: `{"<stage>": {"actor", "requestedAt"}}`. Kargo's controllers patch status
 * with merge patches of what they change, so the entry stays until Wharf removes it.
 */
export const APPROVAL_REQUESTS_KEY = 'wharf-approval-requests';

export interface ApprovalRequest {
  stage: string;
  actor?: string;
  requestedAt?: string;
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** The approval requests recorded on a Freight, one per stage; malformed entries are skipped. */
export function approvalRequests(freight: Pick<Freight, 'status'>): ApprovalRequest[] {
  const raw = freight.status?.metadata?.[APPROVAL_REQUESTS_KEY];
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return [];
  return Object.entries(raw as Record<string, unknown>).flatMap(([stage, v]) => {
    if (!v || typeof v !== 'object') return [];
    const entry = v as Record<string, unknown>;
    const actor = text(entry.actor);
    const requestedAt = text(entry.requestedAt);
    return [{ stage, ...(actor ? { actor } : {}), ...(requestedAt ? { requestedAt } : {}) }];
  });
}

/** The status merge patch that records (or, with `null`, withdraws) a request for `stage`. */
export function approvalRequestPatch(
  stage: string,
  request: { actor: string; requestedAt: string } | null,
) {
  return { status: { metadata: { [APPROVAL_REQUESTS_KEY]: { [stage]: request } } } };
}
