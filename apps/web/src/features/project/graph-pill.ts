import type { ChipColor } from './phase-style';

/** The attributes of a chip-like pill in the graph (graph-nodes.css), as MUI's small Chip looks. */
export function pillProps(color: ChipColor, variant: 'filled' | 'outlined' = 'filled') {
  return {
    className: 'graph-pill',
    ...(variant === 'outlined' ? { 'data-variant': 'outlined' } : {}),
    ...(color === 'default' ? {} : { 'data-color': color }),
  };
}
