import type { ProjectConfig, Stage, StageSelector } from '@wharf/shared';
import { namePattern } from '../kargo/go-patterns.js';

function nameMatches(pattern: string | undefined, name: string): boolean {
  return !pattern || namePattern(pattern)(name);
}

function labelsMatch(sel: StageSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = e.key in labels;
    const val = labels[e.key] ?? '';
    const values = e.values ?? [];
    if (e.operator === 'In' && !(has && values.includes(val))) return false;
    if (e.operator === 'NotIn' && has && values.includes(val)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** Auto-promotion is set by the first ProjectConfig policy whose selector matches the Stage. */
export function autoPromotionEnabled(
  stage: Pick<Stage, 'metadata'>,
  config: ProjectConfig | undefined,
): boolean {
  const name = stage.metadata.name;
  const labels = stage.metadata.labels ?? {};
  for (const policy of config?.spec?.promotionPolicies ?? []) {
    const matches = policy.stageSelector
      ? nameMatches(policy.stageSelector.name, name) && labelsMatch(policy.stageSelector, labels)
      : policy.stage === name;
    if (matches) return policy.autoPromotionEnabled ?? false;
  }
  return false;
}
