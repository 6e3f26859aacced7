import type { Edge, Node } from '@xyflow/react';
import { useMemo } from 'react';
import { buildPipelineGraph, shapeKey, type PipelineNode } from '@/lib/graph/pipeline-graph';
import type { LayoutInput } from '@/lib/graph/layout';
import type { ProjectState } from '@/lib/live/project-state';
import { stageNodeSize } from './stage-node-layout';
import { SUBSCRIPTION_SIZE, WAREHOUSE_SIZE } from './warehouse-node';

const sizeOf = (n: PipelineNode, stages: ProjectState['stages']) =>
  n.kind === 'stage'
    ? stageNodeSize(stages.get(n.name))
    : n.kind === 'warehouse'
      ? WAREHOUSE_SIZE
      : SUBSCRIPTION_SIZE;

/** Equal for memoisation: the same value, or arrays with the same items. */
const same = (a: unknown, b: unknown) =>
  a === b ||
  (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]));

/**
 * Last node built for each live object: React Flow skips re-rendering nodes whose object is the
 * same, so a delta touching one stage re-renders one node, not 600.
 */
const nodeCache = new WeakMap<object, Node>();
const CLICKABLE = { pointerEvents: 'all' } as const;

interface Options {
  warehouse: string;
  collapsed: ReadonlySet<string>;
  search: string;
}

/** Graph model → layout input + React Flow elements, reusing node objects whose data did not change. */
export function useFlowElements(
  state: ProjectState,
  opts: Options,
  originColor: (w: string) => string,
) {
  const graph = useMemo(
    () =>
      buildPipelineGraph([...state.stages.values()], [...state.warehouses.values()], {
        ...(opts.warehouse ? { warehouse: opts.warehouse } : {}),
        collapsed: opts.collapsed,
      }),
    [state.stages, state.warehouses, opts.warehouse, opts.collapsed],
  );
  // A stage's height follows the origins it requests, so sizes are part of the layout's key.
  const key = useMemo(
    () => `${shapeKey(graph)}#${graph.nodes.map((n) => sizeOf(n, state.stages).height).join(',')}`,
    [graph, state.stages],
  );
  const layoutInput = useMemo<LayoutInput>(
    () => ({
      nodes: graph.nodes.map((n) => ({
        id: n.id,
        ...sizeOf(n, state.stages),
        ...(n.kind === 'subscription'
          ? { column: 0 as const }
          : n.kind === 'warehouse'
            ? { column: 1 as const }
            : {}),
      })),
      edges: graph.edges.map((e) => ({ source: e.source, target: e.target })),
    }),
    // Only the shape matters for layout.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  const q = opts.search.trim().toLowerCase();
  const nodesWithoutPosition = useMemo(() => {
    const out: Node[] = graph.nodes.map((n) => {
      let data: Record<string, unknown>;
      if (n.kind === 'stage') {
        const stage = state.stages.get(n.name);
        data = {
          stage,
          hidden: n.hidden,
          hasDownstream: n.hasDownstream,
          matched: q !== '' && n.name.toLowerCase().includes(q),
        };
      } else if (n.kind === 'warehouse') data = { warehouse: state.warehouses.get(n.name) };
      else data = { label: n.label, ...(n.detail ? { detail: n.detail } : {}) };
      const owner = (
        n.kind === 'stage' ? data.stage : n.kind === 'warehouse' ? data.warehouse : undefined
      ) as object | undefined;
      const prev = owner ? nodeCache.get(owner) : undefined;
      const unchanged =
        prev?.id === n.id && Object.keys(data).every((k) => same(prev.data[k], data[k]));
      if (unchanged && prev) return prev;
      // Nodes are neither selectable nor draggable, so React Flow would disable pointer events on
      // them; their buttons and links must stay clickable.
      // Fixed sizes let React Flow cull off-screen nodes from the first render (unsized nodes are
      // all rendered once to be measured, which costs seconds at 600 stages).
      const node: Node = {
        id: n.id,
        type: n.kind,
        position: { x: 0, y: 0 },
        data,
        style: CLICKABLE,
        ...sizeOf(n, state.stages),
      };
      if (owner) nodeCache.set(owner, node);
      return node;
    });
    return out;
  }, [graph, state.stages, state.warehouses, q]);
  const edges = useMemo<Edge[]>(
    () =>
      graph.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        ...(e.target.startsWith('stage:') ? { targetHandle: e.origin } : {}),
        style: { stroke: originColor(e.origin), strokeWidth: 2 },
      })),
    [graph.edges, originColor],
  );
  const matches = useMemo(
    () =>
      q
        ? graph.nodes
            .filter((n) => n.kind === 'stage' && n.name.toLowerCase().includes(q))
            .map((n) => n.id)
        : [],
    [graph.nodes, q],
  );
  return { key, layoutInput, nodesWithoutPosition, edges, matches };
}
