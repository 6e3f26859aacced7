import { useStore, type ReactFlowState } from '@xyflow/react';
import type { CSSProperties } from 'react';

const GAP = 20;
const transformOf = (s: ReactFlowState) => s.transform;
const FILL: CSSProperties = {
  position: 'absolute',
  top: 0,
  left: 0,
  width: '100%',
  height: '100%',
  overflow: 'hidden',
};

/**
 * React Flow's dotted background as one layer a pan only moves: its own <Background> moves an
 * SVG pattern, which repaints the whole pane on every frame of a pan (a quarter of the pan's
 * CPU without a GPU). Here a pan changes only a transform, within one gap; a zoom repaints.
 */
export function GraphDots() {
  const [x, y, zoom] = useStore(transformOf);
  const gap = GAP * zoom;
  const radius = Math.max(zoom, 1) / 2;
  const shift = (v: number) => (((v % gap) + gap) % gap) - gap;
  const style: CSSProperties = {
    position: 'absolute',
    top: 0,
    left: 0,
    width: `calc(100% + ${2 * gap}px)`,
    height: `calc(100% + ${2 * gap}px)`,
    pointerEvents: 'none',
    willChange: 'transform',
    backgroundImage: `radial-gradient(circle at ${radius}px ${radius}px, var(--xy-background-pattern-dots-color-default) ${radius}px, transparent ${radius}px)`,
    backgroundSize: `${gap}px ${gap}px`,
    transform: `translate(${shift(x)}px, ${shift(y)}px)`,
  };
  return (
    <div className="react-flow__background" style={FILL}>
      <div style={style} />
    </div>
  );
}
