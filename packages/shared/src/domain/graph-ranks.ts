import { stronglyConnectedComponents } from './graph-scc.js';
import type { PipelineGraph } from './pipeline-graph.js';

/**
 * Longest-path rank of every node (0 for nodes nothing points at), for a layered layout.
 * Nodes on a cycle share one rank: the cycle is collapsed first, so this always terminates.
 */
export function pipelineRanks(graph: Pick<PipelineGraph, 'nodes' | 'edges'>): Map<string, number> {
  const ids = graph.nodes.map((n) => n.id);
  const known = new Set(ids);
  const succ = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (!known.has(e.source) || !known.has(e.target)) continue;
    succ.set(e.source, [...(succ.get(e.source) ?? []), e.target]);
  }
  const components = stronglyConnectedComponents(ids, (n) => succ.get(n) ?? []);
  const componentOf = new Map<string, number>();
  components.forEach((c, i) => c.forEach((n) => componentOf.set(n, i)));
  // Tarjan yields components in reverse topological order: walk them backwards.
  const rankOf = new Array<number>(components.length).fill(0);
  for (let i = components.length - 1; i >= 0; i--) {
    for (const node of components[i] ?? []) {
      for (const target of succ.get(node) ?? []) {
        const j = componentOf.get(target) ?? i;
        if (j !== i) rankOf[j] = Math.max(rankOf[j] ?? 0, (rankOf[i] ?? 0) + 1);
      }
    }
  }
  return new Map(ids.map((id) => [id, rankOf[componentOf.get(id) ?? 0] ?? 0]));
}

/** Node ids grouped by rank: `layers[r]` holds the ids of rank r, in graph node order. */
export function pipelineLayers(graph: Pick<PipelineGraph, 'nodes' | 'edges'>): string[][] {
  const ranks = pipelineRanks(graph);
  const layers: string[][] = [];
  for (const node of graph.nodes) {
    const r = ranks.get(node.id) ?? 0;
    while (layers.length <= r) layers.push([]);
    layers[r]?.push(node.id);
  }
  return layers;
}
