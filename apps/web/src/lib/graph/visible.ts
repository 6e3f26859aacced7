export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/** The part of the graph (in graph coordinates) on screen, grown by `margin` screens each side. */
export function visibleArea(
  vp: Viewport,
  screen: { width: number; height: number },
  margin = 0.5,
): Box {
  const w = screen.width / vp.zoom;
  const h = screen.height / vp.zoom;
  return {
    x: -vp.x / vp.zoom - w * margin,
    y: -vp.y / vp.zoom - h * margin,
    width: w * (1 + 2 * margin),
    height: h * (1 + 2 * margin),
  };
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether `outer` holds all of `inner`. */
export const covers = (outer: Box, inner: Box) =>
  outer.x <= inner.x &&
  outer.y <= inner.y &&
  outer.x + outer.width >= inner.x + inner.width &&
  outer.y + outer.height >= inner.y + inner.height;

/**
 * Ids of the nodes to hand to React Flow: those in the area, plus the far end of every edge that
 * touches one (so edges leaving the screen still draw). React Flow renders every node it is given
 * at least once to measure it, so culling has to happen before it.
 */
export function cullNodes(
  boxes: ReadonlyMap<string, Box>,
  edges: readonly { source: string; target: string }[],
  area: Box,
): Set<string> {
  const ids = new Set<string>();
  for (const [id, box] of boxes) if (overlaps(box, area)) ids.add(id);
  const inside = new Set(ids);
  for (const e of edges) {
    if (inside.has(e.source)) ids.add(e.target);
    if (inside.has(e.target)) ids.add(e.source);
  }
  return ids;
}

/** Bounding box of some boxes (undefined when there are none). */
export function boundsOf(boxes: Iterable<Box>): Box | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of boxes) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  return minX === Infinity
    ? undefined
    : { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * Where a big pipeline starts on screen: its beginning (the first warehouse from the top, with
 * the stages it feeds beside it) at a readable zoom, since the whole of it fitted is unreadable.
 */
export function startViewport(
  boxes: ReadonlyMap<string, Box>,
  screen: { width: number; height: number },
  zoom: number,
): Viewport | undefined {
  const whole = boundsOf(boxes.values());
  if (!whole) return undefined;
  const first = [...boxes]
    .filter(([id]) => id.startsWith('warehouse:'))
    .map(([, b]) => b)
    .sort((a, b) => a.y - b.y)[0];
  return {
    x: 20 - whole.x * zoom,
    y: first ? screen.height / 2 - (first.y + first.height / 2) * zoom : 20 - whole.y * zoom,
    zoom,
  };
}
