import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import { useColorScheme } from '@mui/material/styles';
import {
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type Node,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { startTransition, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLayout } from '@/lib/graph/use-layout';
import { whenIdle } from '@/lib/when-idle';
import { TipLayer } from '@/lib/tip-layer';
import {
  boundsOf,
  covers,
  cullNodes,
  startViewport,
  visibleArea,
  type Box as Rect,
} from '@/lib/graph/visible';
import { GraphDots } from './graph-dots';
import { GraphMinimap } from './graph-minimap';
import { useProject, useProjectState } from './project-context';
import { StageNode } from './stage-node';
import { useFlowElements } from './use-flow-elements';
import { SubscriptionNode, WarehouseNode } from './warehouse-node';

const nodeTypes = { stage: StageNode, warehouse: WarehouseNode, subscription: SubscriptionNode };
const BIG_GRAPH = 80;
const START_ZOOM = 0.6;
const ORIGIN: Viewport = { x: 0, y: 0, zoom: 1 };
/**
 * Screens drawn beyond each side of the view, so panning finds nodes already there. The first
 * render draws only what is on screen; the margin follows once the browser is idle.
 */
const PAN_MARGIN = 0.5;

/** The ids of the nodes to draw for a view, as one string that is equal when the set is. */
function drawnKey(
  boxes: ReadonlyMap<string, Rect>,
  edges: readonly { source: string; target: string }[],
  vp: Viewport,
  size: { width: number; height: number },
  margin: number,
): string {
  if (size.width === 0) return '';
  return [...cullNodes(boxes, edges, visibleArea(vp, size, margin))].sort().join('\n');
}

/** Positioned copy of each node: unchanged nodes keep their identity across renders. */
const positioned = new WeakMap<Node, Node>();

interface Props {
  warehouse: string;
  collapsed: ReadonlySet<string>;
  search: string;
}

function useContainerSize() {
  const ref = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return { ref, size };
}

function Graph({ warehouse, collapsed, search }: Props) {
  const state = useProjectState();
  const { project, originColor } = useProject();
  const { mode, systemMode } = useColorScheme();
  const { key, layoutInput, nodesWithoutPosition, edges, matches } = useFlowElements(
    state,
    { warehouse, collapsed, search },
    originColor,
  );
  const positions = useLayout(project, key, layoutInput);
  const { ref, size } = useContainerSize();
  const flow = useReactFlow();
  const all = useMemo(() => {
    if (!positions) return [];
    return nodesWithoutPosition.map((n) => {
      const pos = positions[n.id] ?? { x: 0, y: 0 };
      const prev = positioned.get(n);
      if (prev && prev.position.x === pos.x && prev.position.y === pos.y) return prev;
      const node = { ...n, position: pos };
      positioned.set(n, node);
      return node;
    });
  }, [nodesWithoutPosition, positions]);
  const boxes = useMemo(
    () =>
      new Map<string, Rect>(
        all.map((n) => [n.id, { ...n.position, width: n.width ?? 0, height: n.height ?? 0 }]),
      ),
    [all],
  );
  const matchKey = matches.join('|');
  const ready = positions !== undefined && size.width > 0;
  // A big pipeline opens at its beginning: known before the first render, so that render culls
  // to the same view instead of drawing the origin's nodes first and the start's nodes after.
  const [start, setStart] = useState<Viewport>();
  if (ready && !start && !matchKey && boxes.size > BIG_GRAPH) {
    const v = startViewport(boxes, size, START_ZOOM);
    if (v) setStart(v);
  }
  const [margin, setMargin] = useState(0);
  useEffect(() => {
    if (!ready || margin === PAN_MARGIN) return;
    return whenIdle(() => startTransition(() => setMargin(PAN_MARGIN)));
  }, [ready, margin]);
  // The view React Flow shows, kept outside React state: a pan moves it every frame, but the
  // graph re-renders only when the screen leaves the area drawn around drawnView.
  const view = useRef<Viewport>(undefined);
  const [drawnView, setDrawnView] = useState<Viewport>();
  const visibleKey = useMemo(
    () => drawnKey(boxes, edges, drawnView ?? start ?? ORIGIN, size, margin),
    [boxes, edges, drawnView, start, size, margin],
  );
  const onFrame = useRef<(vp: Viewport) => void>(() => {});
  // Nodes are drawn for an area around a view; they stay while the screen is inside it, so a
  // pan back and forth mounts nothing, and are worked out anew for the current view once it
  // leaves (half a margin early, so what comes into view is already drawn).
  useLayoutEffect(() => {
    const drawnArea = visibleArea(drawnView ?? start ?? ORIGIN, size, margin);
    onFrame.current = (vp) => {
      if (!covers(drawnArea, visibleArea(vp, size, margin / 2))) setDrawnView(vp);
    };
  }, [drawnView, start, size, margin]);
  // New positions, size or margin: work out what to draw where the view is now.
  useEffect(() => {
    const now = view.current;
    if (now) setDrawnView((prev) => (prev === now ? prev : now));
  }, [boxes, edges, size, margin]);
  // A pan moves the view many times a frame; what to draw is worked out once per frame.
  const pending = useRef(0);
  const onMove = (vp: Viewport) => {
    view.current = vp;
    if (pending.current) return;
    pending.current = requestAnimationFrame(() => {
      pending.current = 0;
      if (view.current) onFrame.current(view.current);
    });
  };
  useEffect(() => () => cancelAnimationFrame(pending.current), []);
  const nodes = useMemo(() => {
    const ids = new Set(visibleKey.split('\n'));
    return all.filter((n) => ids.has(n.id));
  }, [all, visibleKey]);
  const shownEdges = useMemo(() => {
    const ids = new Set(visibleKey.split('\n'));
    return edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  }, [edges, visibleKey]);

  useEffect(() => {
    if (!ready) return;
    const ids = matchKey ? matchKey.split('|') : [];
    const target = boundsOf(
      ids.map((id) => boxes.get(id)).filter((b): b is Rect => b !== undefined),
    );
    if (target) void flow.fitBounds(target, { padding: 0.2, duration: 300 });
    else if (boxes.size <= BIG_GRAPH) {
      const whole = boundsOf(boxes.values());
      if (whole)
        void flow
          .fitBounds(whole, { padding: 0.05 })
          .then(() => flow.getZoom() > 1 && flow.zoomTo(1));
    } else {
      const v = startViewport(boxes, size, START_ZOOM);
      if (v) void flow.setViewport(v);
    }
    // Re-centre only when the search matches change or the graph first gets positions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [matchKey, ready, flow]);

  return (
    <Box ref={ref} sx={{ width: '100%', height: '100%', position: 'relative' }}>
      {!positions && <LinearProgress aria-label="Laying out the pipeline" />}
      <TipLayer root={ref} id="graph-tooltip" />
      {/* Mounted once the size is known too: React Flow reads its start view only at mount, and a
          remembered layout is there before the size. */}
      {ready && (
        <ReactFlow
          nodes={nodes}
          edges={shownEdges}
          nodeTypes={nodeTypes}
          onMove={(_e, vp) => onMove(vp)}
          {...(start ? { defaultViewport: start } : {})}
          onInit={(instance) => onMove(instance.getViewport())}
          colorMode={(mode === 'system' ? systemMode : mode) === 'dark' ? 'dark' : 'light'}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable={false}
          minZoom={0.05}
          proOptions={{ hideAttribution: true }}
          aria-label="Pipeline graph"
        >
          <GraphDots />
          <Controls
            showInteractive={false}
            onFitView={() => {
              const whole = boundsOf(boxes.values());
              if (whole) void flow.fitBounds(whole, { padding: 0.05 });
            }}
          />
          <GraphMinimap boxes={boxes} screen={size} />
        </ReactFlow>
      )}
    </Box>
  );
}

export function GraphView(props: Props) {
  return (
    <Box sx={{ flex: 1, minHeight: 0 }} data-testid="pipeline-graph">
      <ReactFlowProvider>
        <Graph {...props} />
      </ReactFlowProvider>
    </Box>
  );
}
