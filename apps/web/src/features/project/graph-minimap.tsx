import Box from '@mui/material/Box';
import { useReactFlow, useStore, type ReactFlowState } from '@xyflow/react';
import { memo, useMemo, type MouseEvent } from 'react';
import { boundsOf, visibleArea, type Box as Rect } from '@/lib/graph/visible';

const W = 200;
const H = 140;
const transformOf = (s: ReactFlowState) => s.transform;

/** Every node as one path per colour: one element to paint, not thousands to re-render. */
const Boxes = memo(function Boxes({ boxes }: { boxes: ReadonlyMap<string, Rect> }) {
  let stages = '';
  let sources = '';
  for (const [id, b] of boxes) {
    const d = `M${b.x} ${b.y}h${b.width}v${b.height}h${-b.width}z`;
    if (id.startsWith('stage:')) stages += d;
    else sources += d;
  }
  return (
    <>
      <path d={stages} fill="#90a4ae" />
      <path d={sources} fill="#607d8b" />
    </>
  );
});

/** The part of the graph on screen: the one piece of the minimap a pan re-renders. */
function ViewRect({ screen, scale }: { screen: { width: number; height: number }; scale: number }) {
  const [x, y, zoom] = useStore(transformOf);
  const view = visibleArea({ x, y, zoom }, screen, 0);
  return (
    <rect
      x={view.x}
      y={view.y}
      width={view.width}
      height={view.height}
      fill="rgba(25,118,210,0.15)"
      stroke="#1976d2"
      strokeWidth={2 / scale}
    />
  );
}

/**
 * Overview of every node (React Flow's own minimap only sees the culled nodes it is given).
 * Clicking moves the view there.
 */
export const GraphMinimap = memo(function GraphMinimap({
  boxes,
  screen,
}: {
  boxes: ReadonlyMap<string, Rect>;
  screen: { width: number; height: number };
}) {
  const flow = useReactFlow();
  const all = useMemo(() => boundsOf(boxes.values()), [boxes]);
  if (!all || screen.width === 0) return null;
  const scale = Math.min(W / all.width, H / all.height);
  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const gx = all.x + (e.clientX - r.left) / scale;
    const gy = all.y + (e.clientY - r.top) / scale;
    void flow.setCenter(gx, gy, { zoom: flow.getZoom(), duration: 200 });
  };
  return (
    <Box
      sx={{
        position: 'absolute',
        right: 12,
        bottom: 12,
        zIndex: 5,
        bgcolor: 'background.paper',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
      }}
    >
      <svg
        width={W}
        height={H}
        role="img"
        aria-label="Minimap of the pipeline; click to move the view"
        onClick={onClick}
        style={{ display: 'block', cursor: 'pointer' }}
      >
        <g transform={`scale(${scale}) translate(${-all.x} ${-all.y})`}>
          <Boxes boxes={boxes} />
          <ViewRect screen={screen} scale={scale} />
        </g>
      </svg>
    </Box>
  );
});
