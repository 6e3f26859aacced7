import { hierarchy, tree } from 'd3-hierarchy';

export interface Sized {
  width: number;
  height: number;
}

/** Positions by index within a component (top-left corners), and the component's size. */
export interface Shape {
  at: { x: number; y: number }[];
  width: number;
  height: number;
}

interface TreeNode {
  index: number;
  children: TreeNode[];
}

/**
 * Longest-path layer of each node (0 for nodes without upstream) and, for each, the upstream in
 * the deepest layer (its parent in a spanning forest whose depths are exactly the layers).
 * Undefined when the edges have a cycle.
 */
function layers(count: number, edges: readonly [number, number][]) {
  const ups: number[][] = Array.from({ length: count }, () => []);
  const downs: number[][] = Array.from({ length: count }, () => []);
  for (const [a, b] of edges) {
    ups[b]?.push(a);
    downs[a]?.push(b);
  }
  const waiting = ups.map((u) => u.length);
  const ready = waiting.flatMap((w, i) => (w === 0 ? [i] : []));
  const layer = new Array<number>(count).fill(0);
  const parent = new Array<number>(count).fill(-1);
  let done = 0;
  while (ready.length > 0) {
    const v = ready.pop() as number;
    done += 1;
    for (const u of ups[v] ?? []) {
      const l = (layer[u] ?? 0) + 1;
      const p = parent[v] ?? -1;
      if (l > (layer[v] ?? 0) || (l === layer[v] && (p === -1 || u < p))) {
        layer[v] = l;
        parent[v] = u;
      }
    }
    for (const d of downs[v] ?? []) if (--(waiting[d] as number) === 0) ready.push(d);
  }
  return done === count ? { layer, parent } : undefined;
}

/**
 * A layered left-to-right layout that costs time linear in the component: each node in its
 * longest-path layer (so every edge points right), ordered and spaced as a tidy tree of the
 * spanning forest that hangs each node under its deepest upstream (d3-hierarchy's tree). Used
 * where dagre is too slow (a big pipeline) and for every tree, which it lays out as well.
 * Undefined when the component has a cycle.
 */
export function treeLayers(
  nodes: readonly Sized[],
  edges: readonly [number, number][],
  gap: { node: number; rank: number },
): Shape | undefined {
  const l = layers(nodes.length, edges);
  if (!l) return undefined;
  const byIndex: TreeNode[] = nodes.map((_, index) => ({ index, children: [] }));
  const root: TreeNode = { index: -1, children: [] };
  l.parent.forEach((p, i) =>
    ((p === -1 ? root : byIndex[p]) ?? root).children.push(byIndex[i] as TreeNode),
  );
  const rowHeight = Math.max(...nodes.map((n) => n.height)) + gap.node;
  const columnWidth = Math.max(...nodes.map((n) => n.width)) + gap.rank;
  const laid = tree<TreeNode>().nodeSize([rowHeight, columnWidth])(hierarchy(root));
  const at = nodes.map(() => ({ x: 0, y: 0 }));
  let top = Infinity;
  laid.each((d) => {
    const n = nodes[d.data.index];
    if (!n) return;
    at[d.data.index] = { x: (l.layer[d.data.index] ?? 0) * columnWidth, y: d.x - n.height / 2 };
    top = Math.min(top, d.x - n.height / 2);
  });
  let width = 0;
  let height = 0;
  at.forEach((p, i) => {
    p.y -= top;
    const n = nodes[i] as Sized;
    width = Math.max(width, p.x + n.width);
    height = Math.max(height, p.y + n.height);
  });
  return { at, width, height };
}

/** Whether every node has at most one upstream: a forest, which treeLayers lays out exactly. */
export function isForest(count: number, edges: readonly [number, number][]): boolean {
  const ups = new Array<number>(count).fill(0);
  for (const [, b] of edges) if (++(ups[b] as number) > 1) return false;
  return true;
}
