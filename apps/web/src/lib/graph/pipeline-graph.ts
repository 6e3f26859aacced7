import type { RoomStageView, WarehouseView } from '@wharf/shared/api';

export type PipelineNode =
  | { id: string; kind: 'subscription'; warehouse: string; label: string; detail?: string }
  | { id: string; kind: 'warehouse'; name: string }
  | { id: string; kind: 'stage'; name: string; hidden: number; hasDownstream: boolean };

export interface PipelineEdge {
  id: string;
  source: string;
  target: string;
  /** Warehouse whose freight flows along this edge (it picks the colour). */
  origin: string;
}

export interface PipelineGraph {
  nodes: PipelineNode[];
  edges: PipelineEdge[];
}

export const stageId = (name: string) => `stage:${name}`;
export const warehouseId = (name: string) => `warehouse:${name}`;

export interface GraphOptions {
  /** Only what carries this warehouse's freight. */
  warehouse?: string;
  /** Stages whose downstream subtree is folded into them. */
  collapsed?: ReadonlySet<string>;
}

/** Stage names downstream of `root` (not including it), following every origin. */
export function downstreamOf(root: string, stages: readonly RoomStageView[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const s of stages)
    for (const r of s.requestedFreight)
      for (const up of r.upstreamStages) children.set(up, [...(children.get(up) ?? []), s.name]);
  const seen = new Set<string>();
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const next = queue.pop();
    if (next === undefined || seen.has(next) || next === root) continue;
    seen.add(next);
    queue.push(...(children.get(next) ?? []));
  }
  return seen;
}

/**
 * Subscription → warehouse → stage graph, one edge per (upstream, stage, origin) so each
 * warehouse gets its own connection and colour. Collapsed subtrees disappear into their root.
 */
export function buildPipelineGraph(
  stages: readonly RoomStageView[],
  warehouses: readonly WarehouseView[],
  options: GraphOptions = {},
): PipelineGraph {
  const hiddenBy = new Map<string, number>();
  const hidden = new Set<string>();
  for (const root of options.collapsed ?? []) {
    const below = downstreamOf(root, stages);
    hiddenBy.set(root, below.size);
    below.forEach((s) => hidden.add(s));
  }
  for (const root of options.collapsed ?? []) if (hidden.has(root)) hiddenBy.delete(root);
  const wanted = (origin: string) => !options.warehouse || origin === options.warehouse;
  const visibleStages = stages.filter(
    (s) => !hidden.has(s.name) && s.requestedFreight.some((r) => wanted(r.origin.name)),
  );
  const stageNames = new Set(visibleStages.map((s) => s.name));
  const parents = new Set(
    stages.flatMap((s) => s.requestedFreight.flatMap((r) => r.upstreamStages)),
  );
  const nodes: PipelineNode[] = [];
  const edges: PipelineEdge[] = [];
  for (const w of warehouses) {
    if (!wanted(w.name)) continue;
    nodes.push({ id: warehouseId(w.name), kind: 'warehouse', name: w.name });
    w.subscriptions.forEach((sub, i) => {
      const id = `subscription:${w.name}:${i}`;
      const label = sub.repoURL ?? sub.name ?? sub.type;
      nodes.push({
        id,
        kind: 'subscription',
        warehouse: w.name,
        label,
        ...(sub.detail ? { detail: sub.detail } : {}),
      });
      edges.push({
        id: `${id}->${w.name}`,
        source: id,
        target: warehouseId(w.name),
        origin: w.name,
      });
    });
  }
  const warehouseNames = new Set(warehouses.map((w) => w.name));
  for (const s of visibleStages) {
    nodes.push({
      id: stageId(s.name),
      kind: 'stage',
      name: s.name,
      hidden: hiddenBy.get(s.name) ?? 0,
      hasDownstream: parents.has(s.name),
    });
    for (const r of s.requestedFreight) {
      const origin = r.origin.name;
      if (!wanted(origin)) continue;
      if (r.direct && warehouseNames.has(origin))
        edges.push({
          id: `${origin}->${s.name}`,
          source: warehouseId(origin),
          target: stageId(s.name),
          origin,
        });
      for (const up of r.upstreamStages)
        if (stageNames.has(up))
          edges.push({
            id: `${up}->${s.name}@${origin}`,
            source: stageId(up),
            target: stageId(s.name),
            origin,
          });
    }
  }
  return { nodes, edges };
}

/** Changes only when nodes or edges are added or removed: the layout's cache key. */
export function shapeKey(graph: PipelineGraph): string {
  return `${graph.nodes.map((n) => n.id).join('|')}#${graph.edges.map((e) => e.id).join('|')}`;
}

const PALETTE = [
  '#1e88e5',
  '#8e24aa',
  '#43a047',
  '#fb8c00',
  '#00acc1',
  '#e53935',
  '#6d4c41',
  '#3949ab',
];

/** A stable colour per warehouse, by its position among the project's warehouses. */
export function originColors(warehouses: readonly string[]): Map<string, string> {
  return new Map([...warehouses].sort().map((w, i) => [w, PALETTE[i % PALETTE.length] ?? '#888']));
}
