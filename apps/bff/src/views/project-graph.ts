import { buildPipelineGraph, type Stage, type Warehouse } from '@wharf/shared';
import type { GraphEdge, GraphNode, ProjectGraph } from '@wharf/shared/api';
import { toStageView, type StageViewContext } from './stage-view.js';
import { toWarehouseView } from './warehouse-view.js';

/**
 * The shared pipeline graph (warehouse → stage for direct sources, upstream stage → stage per
 * origin) with each node carrying its wire view. Subscriptions travel inside the warehouse view,
 * so subscription nodes and edges are left out; dangling references and cycles become problems.
 */
export function toProjectGraph(
  project: string,
  warehouses: Warehouse[],
  stages: Stage[],
  ctx: StageViewContext,
): ProjectGraph {
  const graph = buildPipelineGraph({ warehouses, stages });
  const nodes: GraphNode[] = graph.nodes.flatMap((n): GraphNode[] => {
    if (n.type === 'warehouse') {
      return [{ id: n.id, kind: 'warehouse', warehouse: toWarehouseView(n.warehouse) }];
    }
    if (n.type === 'stage') return [{ id: n.id, kind: 'stage', stage: toStageView(n.stage, ctx) }];
    return [];
  });
  const edges: GraphEdge[] = graph.edges.flatMap((e) =>
    e.type === 'subscription' || !e.origin
      ? []
      : [{ id: e.id, source: e.source, target: e.target, origin: e.origin }],
  );
  const problems = graph.problems.map((p) => ({ type: p.type, message: p.message }));
  return { project, nodes, edges, errors: [], problems };
}
