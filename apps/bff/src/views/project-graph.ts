import { buildPipelineGraph, isControlFlowStage, type Stage, type Warehouse } from '@wharf/shared';
import type {
  GraphEdge,
  GraphNode,
  ProjectGraph,
  StageView,
  WarehouseView,
} from '@wharf/shared/api';

/** What the graph's shape depends on: names, origins and sources, never status. */
export interface PipelineShape {
  nodes: { id: string; kind: 'warehouse' | 'stage'; name: string }[];
  edges: GraphEdge[];
  problems: NonNullable<ProjectGraph['problems']>;
}

/**
 * The shared pipeline graph (warehouse → stage for direct sources, upstream stage → stage per
 * origin) without its objects. Subscriptions travel inside the warehouse view, so subscription
 * nodes and edges are left out; dangling references and cycles become problems.
 */
export function pipelineShape(warehouses: Warehouse[], stages: Stage[]): PipelineShape {
  const graph = buildPipelineGraph({ warehouses, stages });
  return {
    nodes: graph.nodes.flatMap((n) =>
      n.type === 'subscription' ? [] : [{ id: n.id, kind: n.type, name: n.name }],
    ),
    edges: graph.edges.flatMap((e) =>
      e.type === 'subscription' || !e.origin
        ? []
        : [{ id: e.id, source: e.source, target: e.target, origin: e.origin }],
    ),
    problems: graph.problems.map((p) => ({ type: p.type, message: p.message })),
  };
}

/** What of a stage the shape depends on (a status change leaves it as it was). */
export function stageShapeKey(s: Stage): string {
  return `${s.metadata.name}|${String(isControlFlowStage(s))}|${JSON.stringify(s.spec.requestedFreight)}`;
}

/** The graph of `shape` with each node carrying the wire view of its object now. */
export function toProjectGraph(
  project: string,
  shape: PipelineShape,
  views: { stage: (name: string) => StageView; warehouse: (name: string) => WarehouseView },
): ProjectGraph {
  const nodes = shape.nodes.map((n): GraphNode =>
    n.kind === 'warehouse'
      ? { id: n.id, kind: 'warehouse', warehouse: views.warehouse(n.name) }
      : { id: n.id, kind: 'stage', stage: views.stage(n.name) },
  );
  return { project, nodes, edges: shape.edges, errors: [], problems: shape.problems };
}
