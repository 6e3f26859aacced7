import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import { stageDecision } from '@/lib/api/capabilities';
import { displayName, summarize } from '@/lib/freight';
import { formatAge } from '@/lib/time';
import { GuardedButton } from '@/lib/guarded-button';
import { healthColor, phaseColor } from './phase-style';
import { useProject, useProjectState } from './project-context';
import { useCapabilities } from './capabilities-store';

const COLUMNS = '2fr 1fr 1fr 3fr 1fr 120px';

/** The list alternative to the graph: one virtualized row per stage, same actions. */
export function StageList({ warehouse, search }: { warehouse: string; search: string }) {
  const state = useProjectState();
  const { open, startPromote } = useProject();
  const caps = useCapabilities();
  const q = search.trim().toLowerCase();
  const stages = useMemo(
    () =>
      [...state.stages.values()]
        .filter((s) => !warehouse || s.requestedFreight.some((r) => r.origin.name === warehouse))
        .filter((s) => !q || s.name.toLowerCase().includes(q))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [state.stages, warehouse, q],
  );
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: stages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 44,
    overscan: 10,
  });
  if (stages.length === 0)
    return <Box sx={{ p: 3 }}>No stage matches. Clear the search or the warehouse filter.</Box>;
  return (
    <Box
      role="table"
      aria-label="Stages"
      aria-rowcount={stages.length + 1}
      sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
    >
      <Box
        role="row"
        sx={{
          display: 'grid',
          gridTemplateColumns: COLUMNS,
          px: 2,
          py: 1,
          fontWeight: 600,
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        {['Stage', 'Phase', 'Health', 'Current freight', 'Promoted', ''].map((h) => (
          <Box role="columnheader" key={h}>
            {h}
          </Box>
        ))}
      </Box>
      <Box ref={scroller} sx={{ flex: 1, overflow: 'auto' }} role="rowgroup">
        <Box sx={{ height: virtual.getTotalSize(), position: 'relative' }}>
          {virtual.getVirtualItems().map((item) => {
            const s = stages[item.index];
            if (!s) return null;
            return (
              <Box
                key={s.name}
                role="row"
                aria-rowindex={item.index + 2}
                sx={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: 44,
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: COLUMNS,
                  alignItems: 'center',
                  px: 2,
                  borderBottom: 1,
                  borderColor: 'divider',
                  borderLeft: 4,
                  borderLeftColor: s.color ?? 'transparent',
                }}
              >
                <Box role="cell">
                  <Link component="button" onClick={() => open('stages', s.name)}>
                    {s.name}
                  </Link>
                </Box>
                <Box role="cell">
                  {s.controlFlow ? (
                    <Chip size="small" variant="outlined" label="Control flow" />
                  ) : (
                    <Chip size="small" label={s.phase} color={phaseColor[s.phase]} />
                  )}
                </Box>
                <Box role="cell">
                  {!s.controlFlow && (
                    <Chip
                      size="small"
                      variant="outlined"
                      label={s.health.status}
                      color={healthColor[s.health.status]}
                    />
                  )}
                </Box>
                <Box
                  role="cell"
                  sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                >
                  {s.currentFreight.length
                    ? s.currentFreight.map((f) => `${displayName(f)} · ${summarize(f)}`).join(' + ')
                    : 'None'}
                </Box>
                <Box role="cell">
                  {s.lastPromotion ? `${formatAge(s.lastPromotion.finishedAt)} ago` : 'Never'}
                </Box>
                <Box role="cell">
                  <GuardedButton
                    decision={stageDecision(caps, s.name, 'promote')}
                    onClick={() => startPromote(s.name)}
                    aria-label={`Promote to ${s.name}`}
                  >
                    Promote
                  </GuardedButton>
                </Box>
              </Box>
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}
