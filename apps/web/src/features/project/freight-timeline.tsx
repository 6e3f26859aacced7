import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { changedSincePrevious, newestFirst } from '@/lib/freight';
import { useSearchParam } from '@/lib/use-search-param';
import { FreightCard } from './freight-card';
import { parseTimeRange, TIME_RANGES, withinTimeRange } from './freight-time-range';
import { useProjectState } from './project-context';

const NONE: ReadonlySet<string> = new Set();

/** Newest first, horizontally virtualized: only the visible cards are in the DOM. */
export function FreightTimeline() {
  const state = useProjectState();
  const [origin, setOrigin] = useSearchParam('origin');
  const [hideUnused, setHideUnused] = useSearchParam('hideUnused');
  const sorted = useMemo(() => newestFirst(state.freight.values()), [state.freight]);
  const [since, setSince] = useSearchParam('since');
  const range = parseTimeRange(since);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // Freight ages out of the window while the page stays open.
    if (!range) return;
    const t = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(t);
  }, [range]);
  const changed = useMemo(() => changedSincePrevious(sorted), [sorted]);
  const shown = useMemo(
    () =>
      sorted.filter(
        (f) =>
          (!origin || f.origin.name === origin) &&
          (!hideUnused || f.currentlyIn.length > 0) &&
          withinTimeRange(f, range, now),
      ),
    [sorted, origin, hideUnused, range, now],
  );
  const stageColor = useMemo(() => {
    const colors = new Map([...state.stages.values()].map((s) => [s.name, s.color ?? '#607d8b']));
    return (s: string) => colors.get(s) ?? '#607d8b';
  }, [state.stages]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    horizontal: true,
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 198,
    overscan: 4,
  });
  return (
    <Box
      component="section"
      aria-label="Freight timeline"
      sx={{ borderBottom: 1, borderColor: 'divider', px: 2, py: 1 }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography variant="subtitle2" component="h2">
          Freight ({shown.length}
          {shown.length !== sorted.length ? ` of ${sorted.length}` : ''})
        </Typography>
        <TextField
          select
          size="small"
          label="Source"
          value={origin}
          onChange={(e) => setOrigin(e.target.value || null)}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="">All warehouses</MenuItem>
          {[...state.warehouses.keys()].map((w) => (
            <MenuItem key={w} value={w}>
              {w}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="Discovered"
          value={range ?? ''}
          onChange={(e) => {
            setNow(Date.now());
            setSince(e.target.value || null);
          }}
          sx={{ minWidth: 150 }}
        >
          <MenuItem value="">Any time</MenuItem>
          {TIME_RANGES.map((r) => (
            <MenuItem key={r.value} value={r.value}>
              {r.label}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={
            <Switch
              size="small"
              checked={hideUnused === '1'}
              onChange={(e) => setHideUnused(e.target.checked ? '1' : null)}
            />
          }
          label="Hide unused"
        />
      </Stack>
      {shown.length === 0 ? (
        <Typography color="text.secondary" sx={{ height: 128 }}>
          {sorted.length === 0
            ? 'No freight yet. Warehouses create freight when they discover new artifacts; press Refresh on a warehouse to look now.'
            : 'No freight matches these filters.'}
        </Typography>
      ) : (
        <Box
          ref={scroller}
          sx={{ overflowX: 'auto', height: 140 }}
          role="list"
          aria-label="Freight, newest first"
        >
          <Box sx={{ width: virtual.getTotalSize(), height: '100%', position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => {
              const f = shown[item.index];
              if (!f) return null;
              return (
                <Box
                  key={f.name}
                  role="listitem"
                  sx={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    transform: `translateX(${item.start}px)`,
                  }}
                >
                  <FreightCard
                    freight={f}
                    changed={changed.get(f.name) ?? NONE}
                    stageColor={stageColor}
                  />
                </Box>
              );
            })}
          </Box>
        </Box>
      )}
    </Box>
  );
}
