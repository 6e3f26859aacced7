import type { Stage } from '../kargo/stage.js';
import { isControlFlowStage } from './pipeline-graph.js';

/**
 * Why Kargo refuses any promotion to this stage, whoever asks; undefined when it may take one.
 * Kargo's promotion webhook rejects a Promotion whose Stage defines no promotion steps
 * (pkg/webhook/kubernetes/promotion/webhook.go, v1.11).
 */
export function promotionRefusal(stage: Pick<Stage, 'metadata' | 'spec'>): string | undefined {
  if (isControlFlowStage(stage))
    return `${stage.metadata.name} is a control-flow stage: it has no promotion steps, so Kargo refuses promotions to it. Freight passes through it once verified upstream.`;
  return undefined;
}
