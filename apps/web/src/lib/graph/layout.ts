import dagre from '@dagrejs/dagre';
import { isForest, treeLayers, type Shape } from './tree-layers';

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** Sources (subscriptions, warehouses) sit in fixed columns left of the stages. */
  column?: 0 | 1;
}

export interface LayoutInput {
  nodes: LayoutNode[];
  edges: { source: string; target: string }[];
}

/** Top-left positions keyed by node id. */
export type LayoutResult = Record<string, { x: number; y: number }>;

const RANK_SEP = 80;
const NODE_SEP = 24;
const COMPONENT_GAP = 40;

interface Laid {
  pos: LayoutResult;
  width: number;
  height: number;
}

/** Components with merges bigger than this skip dagre: its cost grows much faster than size. */
const DAGRE_MAX = 150;

/** Left-to-right layered layout of one connected set of nodes (edges given by index), with dagre. */
function dagreLayered(nodes: LayoutNode[], edges: [number, number][]): Shape {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: NODE_SEP, ranksep: RANK_SEP, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  // Index-based names: the result depends only on the component's shape, so it can be reused.
  nodes.forEach((n, i) => g.setNode(`n${i}`, { width: n.width, height: n.height }));
  for (const [a, b] of edges) g.setEdge(`n${a}`, `n${b}`);
  dagre.layout(g);
  let width = 0;
  let height = 0;
  const at = nodes.map((n, i) => {
    const p = g.node(`n${i}`);
    width = Math.max(width, p.x + n.width / 2);
    height = Math.max(height, p.y + n.height / 2);
    return { x: p.x - n.width / 2, y: p.y - n.height / 2 };
  });
  return { at, width, height };
}

/**
 * One component: trees (every stage has at most one upstream) as layered tidy trees, in time
 * linear in their size; components where pipelines merge with dagre, which keeps their edges
 * from crossing, unless they are so big that dagre would take seconds.
 */
function layered(nodes: LayoutNode[], edges: [number, number][]): Shape {
  const gap = { node: NODE_SEP, rank: RANK_SEP };
  const useTree = isForest(nodes.length, edges) || nodes.length > DAGRE_MAX;
  return (useTree ? treeLayers(nodes, edges, gap) : undefined) ?? dagreLayered(nodes, edges);
}

/**
 * Shapes laid out so far, kept across layouts (the worker lives as long as the page): when a
 * stage is added, only its own component is laid out again; the others keep their positions.
 */
const shapes = new Map<string, Shape>();
const SHAPES_KEPT = 2000;

function shapeOf(key: string, nodes: LayoutNode[], edges: [number, number][]): Shape {
  let shape = shapes.get(key);
  if (!shape) {
    shape = layered(nodes, edges);
    if (shapes.size >= SHAPES_KEPT) shapes.delete(shapes.keys().next().value ?? '');
    shapes.set(key, shape);
  }
  return shape;
}

/**
 * Lays out each component; components with the same shape (node sizes, edges between the same
 * positions, in the same order) get the same layout, so each shape is laid out once. Big
 * projects are mostly copies of a few pipeline templates, and dagre costs milliseconds per call.
 */
function layeredAll(groups: LayoutNode[][], edges: LayoutInput['edges']): Laid[] {
  const where = new Map<string, { group: number; index: number }>();
  groups.forEach((nodes, group) => nodes.forEach((n, index) => where.set(n.id, { group, index })));
  const local = groups.map((): [number, number][] => []);
  for (const e of edges) {
    const a = where.get(e.source);
    const b = where.get(e.target);
    if (a && b && a.group === b.group) local[a.group]?.push([a.index, b.index]);
  }
  return groups.map((nodes, group) => {
    const mine = local[group] ?? [];
    const key = `${nodes.map((n) => `${n.width}x${n.height}`).join(',')}|${mine.join(';')}`;
    const shape = shapeOf(key, nodes, mine);
    const pos: LayoutResult = {};
    nodes.forEach((n, i) => {
      const p = shape.at[i];
      if (p) pos[n.id] = p;
    });
    return { pos, width: shape.width, height: shape.height };
  });
}

/** Connected components of the stage nodes, over stage → stage edges only. */
function components(stages: LayoutNode[], edges: LayoutInput['edges']): LayoutNode[][] {
  const parent = new Map(stages.map((n) => [n.id, n.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(id, root);
    return root;
  };
  for (const e of edges)
    if (parent.has(e.source) && parent.has(e.target)) parent.set(find(e.source), find(e.target));
  const groups = new Map<string, LayoutNode[]>();
  for (const n of stages) {
    const root = find(n.id);
    const group = groups.get(root);
    if (group) group.push(n);
    else groups.set(root, [n]);
  }
  return [...groups.values()];
}

/**
 * Subscriptions and warehouses in two columns, then each independent pipeline laid out on its own
 * with dagre and stacked under the others, grouped by the warehouse feeding it. Laying out many
 * small components is far cheaper than one big graph (dagre's ordering is superlinear), which keeps
 * 600+ stage projects interactive; within a pipeline the layout is dagre's.
 */
export function layoutGraph(input: LayoutInput): LayoutResult {
  const sources = input.nodes.filter((n) => n.column !== undefined);
  const stages = input.nodes.filter((n) => n.column === undefined);
  const columnWidth = (c: 0 | 1) =>
    Math.max(0, ...sources.filter((n) => n.column === c).map((n) => n.width));
  const x1 = columnWidth(0) > 0 ? columnWidth(0) + RANK_SEP : 0;
  const x2 = x1 + (columnWidth(1) > 0 ? columnWidth(1) + RANK_SEP : 0);
  const warehouses = sources.filter((n) => n.column === 1);
  const warehouseOrder = new Map(warehouses.map((w, i) => [w.id, i]));
  const feeders = new Map<string, number>();
  for (const e of input.edges) {
    const w = warehouseOrder.get(e.source);
    if (w !== undefined) feeders.set(e.target, Math.min(w, feeders.get(e.target) ?? w));
  }
  const groups = components(stages, input.edges);
  const laid = layeredAll(groups, input.edges).map((c, i) => ({
    ...c,
    warehouse: Math.min(
      ...(groups[i] ?? []).map((n) => feeders.get(n.id) ?? Number.MAX_SAFE_INTEGER),
    ),
  }));
  laid.sort((a, b) => a.warehouse - b.warehouse);
  const out: LayoutResult = {};
  const span = new Map<number, { top: number; bottom: number }>();
  let y = 0;
  for (const c of laid) {
    for (const [id, p] of Object.entries(c.pos)) out[id] = { x: x2 + p.x, y: y + p.y };
    const s = span.get(c.warehouse) ?? { top: y, bottom: y };
    span.set(c.warehouse, { top: s.top, bottom: y + c.height });
    y += c.height + COMPONENT_GAP;
  }
  // Each warehouse as near as it can get to the middle of the stages it feeds directly (stacked
  // without overlap, in that order), and its subscriptions centred on it.
  const subscriptions = new Map(sources.filter((n) => n.column === 0).map((n) => [n.id, n]));
  const heights = new Map(stages.map((n) => [n.id, n.height]));
  const from = new Map<string, string[]>();
  const into = new Map<string, string[]>();
  const add = (m: Map<string, string[]>, k: string, v: string) => {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  };
  for (const e of input.edges) {
    add(from, e.source, e.target);
    add(into, e.target, e.source);
  }
  const subsOf = (w: string) => (into.get(w) ?? []).flatMap((id) => subscriptions.get(id) ?? []);
  const wanted = warehouses.map((w, i) => {
    const centres = (from.get(w.id) ?? [])
      .filter((t) => out[t])
      .map((t) => (out[t]?.y ?? 0) + (heights.get(t) ?? 0) / 2);
    const s = span.get(i);
    const centre =
      centres.length > 0
        ? centres.reduce((a, b) => a + b, 0) / centres.length
        : s
          ? (s.top + s.bottom) / 2
          : Infinity;
    const subs = subsOf(w.id);
    const subsHeight = subs.reduce((h, n) => h + n.height + NODE_SEP, -NODE_SEP);
    return { w, subs, subsHeight, needed: Math.max(w.height, subsHeight), centre };
  });
  wanted.sort((a, b) => a.centre - b.centre);
  let floor = 0;
  let spare = y;
  for (const item of wanted) {
    const centre = Number.isFinite(item.centre)
      ? Math.max(item.centre, floor + item.needed / 2)
      : spare + item.needed / 2;
    if (!Number.isFinite(item.centre)) spare += item.needed + COMPONENT_GAP;
    floor = centre + item.needed / 2 + COMPONENT_GAP;
    spare = Math.max(spare, floor);
    out[item.w.id] = { x: x1, y: centre - item.w.height / 2 };
    let sy = centre - item.subsHeight / 2;
    for (const sub of item.subs) {
      out[sub.id] = { x: 0, y: sy };
      sy += sub.height + NODE_SEP;
    }
  }
  // Anything left (a subscription without a warehouse) goes below everything.
  for (const n of input.nodes)
    if (!out[n.id]) {
      out[n.id] = { x: 0, y: spare };
      spare += n.height + NODE_SEP;
    }
  return out;
}
