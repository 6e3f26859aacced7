import type { Stage } from '../kargo/stage.js';
import type { PipelineGraph } from './pipeline-graph.js';
import { isControlFlowStage } from './pipeline-graph.js';

/** Stages that take Freight from `stageName` (its name is in any of their `sources.stages`). */
export function downstreamStages<T extends Pick<Stage, 'spec' | 'metadata'>>(
  stages: readonly T[],
  stageName: string,
): T[] {
  return stages.filter((s) =>
    s.spec.requestedFreight.some((r) => r.sources.stages?.includes(stageName) ?? false),
  );
}

/** Targets of "promote downstream": downstream Stages that have promotion steps. */
export function promotableDownstreamStages<T extends Pick<Stage, 'spec' | 'metadata'>>(
  stages: readonly T[],
  stageName: string,
): T[] {
  return downstreamStages(stages, stageName).filter((s) => !isControlFlowStage(s));
}

/** Ids of every node reachable from `nodeId` along edges (not including itself unless on a loop). */
export function reachableFrom(graph: Pick<PipelineGraph, 'edges'>, nodeId: string): Set<string> {
  const succ = new Map<string, string[]>();
  for (const e of graph.edges) succ.set(e.source, [...(succ.get(e.source) ?? []), e.target]);
  const seen = new Set<string>();
  const queue = [...(succ.get(nodeId) ?? [])];
  while (queue.length > 0) {
    const next = queue.pop();
    if (next === undefined || seen.has(next)) continue;
    seen.add(next);
    queue.push(...(succ.get(next) ?? []));
  }
  return seen;
}

/** Names of the Stages reachable from a node: what "collapse subtree" hides. */
export function subtreeStageNames(graph: PipelineGraph, nodeId: string): string[] {
  const reachable = reachableFrom(graph, nodeId);
  return graph.nodes.flatMap((n) => (n.type === 'stage' && reachable.has(n.id) ? [n.name] : []));
}
