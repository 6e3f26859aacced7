import { buildPipelineGraph, type Stage, type Warehouse } from '@wharf/shared';
import type {
  GraphEdge,
  GraphNode,
  ProjectGraph,
  StageView,
  WarehouseView,
} from '@wharf/shared/api';

/**
 * The shared pipeline graph (warehouse → stage for direct sources, upstream stage → stage per
 * origin) with each node carrying its wire view. Subscriptions travel inside the warehouse view,
 * so subscription nodes and edges are left out; dangling references and cycles become problems.
 */
export function toProjectGraph(
  project: string,
  warehouses: Warehouse[],
  stages: Stage[],
  views: { stage: (s: Stage) => StageView; warehouse: (w: Warehouse) => WarehouseView },
): ProjectGraph {
  const graph = buildPipelineGraph({ warehouses, stages });
  const nodes: GraphNode[] = graph.nodes.flatMap((n): GraphNode[] => {
    if (n.type === 'warehouse') {
      return [{ id: n.id, kind: 'warehouse', warehouse: views.warehouse(n.warehouse) }];
    }
    if (n.type === 'stage') return [{ id: n.id, kind: 'stage', stage: views.stage(n.stage) }];
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
