import type { Stage, Warehouse } from '@wharf/shared';
import type { GraphEdge, GraphNode, ProjectGraph } from '@wharf/shared/api';
import { toStageView, type StageViewContext } from './stage-view.js';
import { toWarehouseView } from './warehouse-view.js';

/**
 * Nodes for every warehouse and stage; an edge per origin from each source a stage requests:
 * the warehouse itself when `direct`, else each upstream stage.
 */
export function toProjectGraph(
  project: string,
  warehouses: Warehouse[],
  stages: Stage[],
  ctx: StageViewContext,
): ProjectGraph {
  const nodes: GraphNode[] = [
    ...warehouses.map((w) => ({
      id: `warehouse:${w.metadata.name}`,
      kind: 'warehouse' as const,
      warehouse: toWarehouseView(w),
    })),
    ...stages.map((s) => ({
      id: `stage:${s.metadata.name}`,
      kind: 'stage' as const,
      stage: toStageView(s, ctx),
    })),
  ];
  const edges: GraphEdge[] = [];
  for (const s of stages) {
    const target = `stage:${s.metadata.name}`;
    for (const req of s.spec.requestedFreight) {
      const origin = req.origin.name;
      const sources = req.sources.direct ? [`warehouse:${origin}`] : [];
      for (const up of req.sources.stages ?? []) sources.push(`stage:${up}`);
      for (const source of sources) {
        edges.push({ id: `${source}->${target}:${origin}`, source, target, origin });
      }
    }
  }
  return { project, nodes, edges, errors: [] };
}
