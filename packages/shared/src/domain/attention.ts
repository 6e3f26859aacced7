import type { Freight } from '../kargo/freight.js';
import type { Promotion } from '../kargo/promotion.js';
import type { Stage } from '../kargo/stage.js';
import type { Warehouse } from '../kargo/warehouse.js';
import { approvalRequests } from './approval-request.js';
import { findCondition } from './conditions.js';
import { isControlFlowStage } from './pipeline-graph.js';
import { warehouseHealth } from './warehouse-health.js';

/** What can need a person's attention, most urgent kinds first. */
export const ATTENTION_KINDS = [
  'promotion-failed',
  'verification-failed',
  'stage-unhealthy',
  'warehouse-failing',
  'promotion-slow',
  'auto-promotion-held',
  'approval-requested',
] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export type AttentionSeverity = 'error' | 'warning' | 'info';

/**
 * The action that helps, named by what it does; each maps to one existing action endpoint and
 * the capability that guards it (see the web's attention actions).
 */
export type AttentionAction =
  | { type: 'retry-promotion'; stage: string; freight: string }
  | { type: 'reverify'; stage: string }
  | { type: 'refresh-stage'; stage: string }
  | { type: 'refresh-warehouse'; warehouse: string }
  | { type: 'abort-promotion'; promotion: string }
  | { type: 'resume-auto-promotion'; stage: string; origin: string }
  | { type: 'approve'; stage: string; freight: string };

export interface AttentionItem {
  /** Unique within the project and stable while the situation lasts. */
  id: string;
  project: string;
  kind: AttentionKind;
  severity: AttentionSeverity;
  /** What happened, in a few words, e.g. "Promotion to prod failed". */
  title: string;
  /** Kargo's own words about it, when it wrote some. */
  detail?: string;
  /** When it began, when known (RFC 3339). */
  since?: string;
  stage?: string;
  warehouse?: string;
  promotion?: string;
  freight?: string;
  freightAlias?: string;
  /** The step a failed promotion stopped at. */
  step?: { index: number; alias: string };
  /** Who caused it (a hold's or request's actor). */
  actor?: string;
  action?: AttentionAction;
}

export interface AttentionInput {
  project: string;
  stages: readonly Stage[];
  warehouses: readonly Warehouse[];
  promotions: readonly Promotion[];
  /** Freight that may carry approval requests (passing every freight is right, just slower). */
  freight: readonly Freight[];
  /** The alias of any freight of the project, for titles. */
  aliasOf: (freight: string) => string | undefined;
  now: number;
  /** A running promotion older than this needs a look. */
  slowPromotionMs: number;
}

export interface AttentionResult {
  items: AttentionItem[];
  /** When the answer changes by the clock alone (a promotion crosses the threshold), if ever. */
  recheckAt?: number;
}

const SEVERITY: Record<AttentionKind, AttentionSeverity> = {
  'promotion-failed': 'error',
  'verification-failed': 'error',
  'stage-unhealthy': 'error',
  'warehouse-failing': 'error',
  'promotion-slow': 'warning',
  'auto-promotion-held': 'warning',
  'approval-requested': 'info',
};

const FAILED_PROMOTION = new Set(['Failed', 'Errored']);
const FAILED_VERIFICATION = new Set(['Failed', 'Error', 'Inconclusive']);

function item(
  project: string,
  kind: AttentionKind,
  subject: string,
  rest: Omit<AttentionItem, 'id' | 'project' | 'kind' | 'severity'>,
): AttentionItem {
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return {
    id: `${kind}:${subject}`,
    project,
    kind,
    severity: SEVERITY[kind],
    ...(defined as Omit<AttentionItem, 'id' | 'project' | 'kind' | 'severity'>),
  };
}

/** The step a failed promotion stopped at: the first that failed or errored. */
function failedStep(p: Promotion | undefined): AttentionItem['step'] {
  const steps = p?.status?.stepExecutionMetadata ?? [];
  const i = steps.findIndex((s) => s.status === 'Failed' || s.status === 'Errored');
  if (i < 0) return undefined;
  return { index: i, alias: steps[i]?.alias ?? p?.spec.steps?.[i]?.as ?? `step-${i + 1}` };
}

function stageItems(
  project: string,
  s: Stage,
  promotions: ReadonlyMap<string, Promotion>,
  aliasOf: (freight: string) => string | undefined,
): AttentionItem[] {
  const out: AttentionItem[] = [];
  const name = s.metadata.name;
  const status = s.status;
  const last = status?.lastPromotion;
  const lastPhase = last?.status?.phase;
  if (last && lastPhase && FAILED_PROMOTION.has(lastPhase)) {
    const p = promotions.get(last.name);
    const freight = last.freight?.name ?? p?.spec.freight ?? p?.status?.freight?.name;
    out.push(
      item(project, 'promotion-failed', name, {
        title: `Promotion to ${name} ${lastPhase === 'Errored' ? 'errored' : 'failed'}`,
        detail: last.status?.message ?? p?.status?.message,
        since: last.finishedAt ?? p?.status?.finishedAt,
        stage: name,
        promotion: last.name,
        freight,
        freightAlias: freight ? aliasOf(freight) : undefined,
        step: failedStep(p),
        action: freight ? { type: 'retry-promotion', stage: name, freight } : undefined,
      }),
    );
  }
  if (isControlFlowStage(s)) return out;
  const verification = status?.freightHistory?.[0]?.verificationHistory?.[0];
  if (verification?.phase && FAILED_VERIFICATION.has(verification.phase)) {
    out.push(
      item(project, 'verification-failed', name, {
        title: `Verification in ${name} ${verification.phase === 'Inconclusive' ? 'was inconclusive' : 'failed'}`,
        detail: verification.message,
        since: verification.finishTime ?? verification.startTime,
        stage: name,
        action: { type: 'reverify', stage: name },
      }),
    );
  }
  const healthy = findCondition(status, 'Healthy');
  if (healthy?.status === 'False' || status?.health?.status === 'Unhealthy') {
    const issues = status?.health?.issues ?? [];
    out.push(
      item(project, 'stage-unhealthy', name, {
        title: `Stage ${name} is unhealthy`,
        detail: issues.length > 0 ? issues.join('; ') : healthy?.message,
        since: healthy?.status === 'False' ? healthy.lastTransitionTime : undefined,
        stage: name,
        action: { type: 'refresh-stage', stage: name },
      }),
    );
  }
  const holds = status?.effectiveAutoPromotionHolds ?? status?.autoPromotionHolds ?? {};
  for (const [key, hold] of Object.entries(holds)) {
    const origin = hold.origin.name || key.replace(/^Warehouse\//, '');
    out.push(
      item(project, 'auto-promotion-held', `${name}/${origin}`, {
        title: `Auto-promotion of ${origin} to ${name} is held`,
        detail: `Held at ${aliasOf(hold.freightName) ?? hold.freightName} by a manual promotion${hold.promotionName ? ` (${hold.promotionName})` : ''}.`,
        since: hold.createdAt,
        stage: name,
        warehouse: origin,
        promotion: hold.promotionName,
        freight: hold.freightName,
        freightAlias: aliasOf(hold.freightName),
        actor: hold.actor,
        action: { type: 'resume-auto-promotion', stage: name, origin },
      }),
    );
  }
  return out;
}

/** "30 min", "2 h", "90 min": the slow-promotion threshold in words. */
function thresholdText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}

function slowPromotion(
  project: string,
  p: Promotion,
  now: number,
  limitMs: number,
  aliasOf: (freight: string) => string | undefined,
): { item?: AttentionItem; crossesAt?: number } {
  if (p.status?.phase !== 'Running' || !p.status.startedAt) return {};
  const started = Date.parse(p.status.startedAt);
  if (Number.isNaN(started)) return {};
  if (now - started < limitMs) return { crossesAt: started + limitMs };
  const freight = p.spec.freight ?? p.status.freight?.name;
  return {
    item: item(project, 'promotion-slow', p.metadata.name, {
      // The threshold, not the running time: the title stays the same while the item lasts.
      title: `Promotion to ${p.spec.stage} has run for more than ${thresholdText(limitMs)}`,
      detail: p.status.message,
      since: p.status.startedAt,
      stage: p.spec.stage,
      promotion: p.metadata.name,
      freight,
      freightAlias: freight ? aliasOf(freight) : undefined,
      action: { type: 'abort-promotion', promotion: p.metadata.name },
    }),
  };
}

function approvalItems(project: string, f: Freight, stages: ReadonlySet<string>): AttentionItem[] {
  const name = f.metadata.name;
  return approvalRequests(f).flatMap((r) => {
    // Answered (approved, or the stage took it anyway) or moot (the stage is gone).
    if (
      !stages.has(r.stage) ||
      f.status?.approvedFor?.[r.stage] ||
      f.status?.currentlyIn?.[r.stage]
    )
      return [];
    return [
      item(project, 'approval-requested', `${name}/${r.stage}`, {
        title: `${f.alias ?? name.slice(0, 7)} waits for approval to ${r.stage}`,
        since: r.requestedAt,
        stage: r.stage,
        warehouse: f.origin.name,
        freight: name,
        freightAlias: f.alias,
        actor: r.actor,
        action: { type: 'approve', stage: r.stage, freight: name },
      }),
    ];
  });
}

const RANK = new Map(ATTENTION_KINDS.map((k, i) => [k, i]));

/** Most urgent kind first, then newest first, then by id (a stable order for the same input). */
export function compareAttention(a: AttentionItem, b: AttentionItem): number {
  return (
    (RANK.get(a.kind) ?? 0) - (RANK.get(b.kind) ?? 0) ||
    (b.since ?? '').localeCompare(a.since ?? '') ||
    a.id.localeCompare(b.id)
  );
}

/**
 * Everything in one project that needs a person: promotions that failed or errored (the
 * stage's last promotion, so a later success clears it), verifications of the current freight
 * that failed, unhealthy stages (Healthy=False, or Kargo's health Unhealthy, which is what a
 * Degraded Argo CD app becomes), warehouses whose discovery fails, running promotions older than
 * the threshold, auto-promotion holds, and approval requests not yet answered.
 */
export function attentionOf(input: AttentionInput): AttentionResult {
  const { project, now } = input;
  const { aliasOf } = input;
  const promotionsByName = new Map(input.promotions.map((p) => [p.metadata.name, p]));
  const items: AttentionItem[] = [];
  for (const s of input.stages) items.push(...stageItems(project, s, promotionsByName, aliasOf));
  for (const w of input.warehouses) {
    const health = warehouseHealth(w);
    if (health.state !== 'Unhealthy') continue;
    items.push(
      item(project, 'warehouse-failing', w.metadata.name, {
        title: `Warehouse ${w.metadata.name} cannot discover artifacts`,
        detail: health.message,
        since: findCondition(w.status, 'Healthy')?.lastTransitionTime,
        warehouse: w.metadata.name,
        action: { type: 'refresh-warehouse', warehouse: w.metadata.name },
      }),
    );
  }
  let recheckAt: number | undefined;
  for (const p of input.promotions) {
    const slow = slowPromotion(project, p, now, input.slowPromotionMs, aliasOf);
    if (slow.item) items.push(slow.item);
    if (slow.crossesAt !== undefined) recheckAt = Math.min(recheckAt ?? Infinity, slow.crossesAt);
  }
  const stageNames = new Set(input.stages.map((s) => s.metadata.name));
  for (const f of input.freight) items.push(...approvalItems(project, f, stageNames));
  items.sort(compareAttention);
  return recheckAt === undefined ? { items } : { items, recheckAt };
}
