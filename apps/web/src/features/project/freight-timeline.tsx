import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { changedSincePrevious } from '@/lib/freight';
import { useFreightCount, useFreightWindow, type FreightFilter } from '@/lib/live/freight-window';
import { useSearchParam } from '@/lib/use-search-param';
import { FreightCard } from './freight-card';
import { parseTimeRange, rangeMs, TIME_RANGES } from './freight-time-range';
import { useProjectState } from './project-context';

const NONE: ReadonlySet<string> = new Set();
const CARD = 198;

/** The search box writes to the URL once typing pauses, so each keystroke is not a request. */
function useDebouncedParam(name: string): [string, (v: string) => void] {
  const [param, setParam] = useSearchParam(name);
  const [text, setText] = useState(param);
  // The URL changed by other means (back, a link): show what it says.
  const [shownParam, setShownParam] = useState(param);
  if (param !== shownParam) {
    setShownParam(param);
    setText(param);
  }
  useEffect(() => {
    if (text === param) return;
    const t = setTimeout(() => setParam(text || null), 300);
    return () => clearTimeout(t);
  }, [text, param, setParam]);
  return [text, setText];
}

/**
 * Newest first, horizontally virtualized: only the visible cards are in the DOM, and only the
 * freight scrolled to is fetched. Filters and search are answered by the BFF, then kept live.
 */
export function FreightTimeline() {
  const state = useProjectState();
  const [origin, setOrigin] = useSearchParam('origin');
  const [hideUnused, setHideUnused] = useSearchParam('hideUnused');
  const [since, setSince] = useSearchParam('since');
  const [search, setSearch] = useDebouncedParam('freightSearch');
  const [q] = useSearchParam('freightSearch');
  const [lanesParam, setLanes] = useSearchParam('lanes');
  const lanes = lanesParam === '1';
  const range = parseTimeRange(since);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // Freight ages out of the window while the page stays open.
    if (!range) return;
    const t = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(t);
  }, [range]);
  const filter = useMemo<FreightFilter>(
    () => ({
      ...(origin ? { origin } : {}),
      ...(q ? { q } : {}),
      ...(hideUnused === '1' ? { inUse: true } : {}),
      ...(range ? { sinceMs: rangeMs(range) } : {}),
    }),
    [origin, q, hideUnused, range],
  );
  // Over all warehouses: the strip when there are no lanes, the header's count either way.
  const shown = useFreightWindow(state, filter, now);
  const filtered = Object.keys(filter).length > 0;
  return (
    <Box
      component="section"
      aria-label="Freight timeline"
      sx={{ borderBottom: 1, borderColor: 'divider', px: 2, py: 1 }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography variant="subtitle2" component="h2" sx={{ minWidth: 120 }}>
          Freight (
          {filtered
            ? `${shown.total ?? '…'} of ${state.freightTotal}`
            : state.freightTotal.toLocaleString()}
          )
        </Typography>
        <TextField
          size="small"
          label="Search freight"
          placeholder="alias, tag, version, commit"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          sx={{ minWidth: 220 }}
        />
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
        <FormControlLabel
          control={
            <Switch
              size="small"
              checked={lanes}
              onChange={(e) => setLanes(e.target.checked ? '1' : null)}
            />
          }
          label="Lane per warehouse"
        />
      </Stack>
      {lanes ? (
        <FreightLanes filter={filter} now={now} />
      ) : (
        <FreightStrip shown={shown} label="Freight, newest first" />
      )}
    </Box>
  );
}

/** One horizontally virtualized row of a freight window, paging older freight in on scroll. */
function FreightStrip({
  shown,
  label,
}: {
  shown: ReturnType<typeof useFreightWindow>;
  label: string;
}) {
  const state = useProjectState();
  const changed = useMemo(() => changedSincePrevious(shown.items), [shown.items]);
  const stageColor = useMemo(() => {
    const colors = new Map([...state.stages.values()].map((s) => [s.name, s.color ?? '#607d8b']));
    return (s: string) => colors.get(s) ?? '#607d8b';
  }, [state.stages]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    horizontal: true,
    count: shown.items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => CARD,
    overscan: 4,
  });
  const lastVisible = virtual.getVirtualItems().at(-1)?.index ?? 0;
  const { hasMore, loadingMore, loadMore } = shown;
  useEffect(() => {
    // Scrolled near the end of what is loaded: fetch the next page.
    if (hasMore && !loadingMore && lastVisible >= shown.items.length - 4) loadMore();
  }, [hasMore, loadingMore, loadMore, lastVisible, shown.items.length]);
  return (
    <>
      {shown.loading ? (
        <Box sx={{ height: 140 }}>
          <LinearProgress aria-label="Loading freight" />
        </Box>
      ) : shown.items.length === 0 ? (
        <Typography color="text.secondary" sx={{ height: 140 }}>
          {shown.error
            ? `Could not load freight: ${shown.error.message}`
            : state.freightTotal === 0
              ? 'No freight yet. Warehouses create freight when they discover new artifacts; press Refresh on a warehouse to look now.'
              : 'No freight matches these filters.'}
        </Typography>
      ) : (
        <Box
          ref={scroller}
          sx={{ overflowX: 'auto', height: 140 }}
          role="list"
          aria-label={label}
          aria-busy={loadingMore}
        >
          <Box
            sx={{
              width: virtual.getTotalSize() + (hasMore ? CARD : 0),
              height: '100%',
              position: 'relative',
            }}
          >
            {virtual.getVirtualItems().map((item) => {
              const f = shown.items[item.index];
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
            {hasMore && (
              <Typography
                color="text.secondary"
                sx={{ position: 'absolute', top: 48, left: virtual.getTotalSize() + 16 }}
              >
                {loadingMore ? 'Loading older freight…' : 'Older freight…'}
              </Typography>
            )}
          </Box>
        </Box>
      )}
    </>
  );
}

/**
 * One strip per warehouse (its freight only, paged on its own), each collapsible; which lanes
 * are collapsed is kept in the URL (`collapsedLanes`, comma-separated).
 */
function FreightLanes({ filter, now }: { filter: FreightFilter; now: number }) {
  const state = useProjectState();
  const [collapsedParam, setCollapsed] = useSearchParam('collapsedLanes');
  const collapsed = new Set(collapsedParam.split(',').filter(Boolean));
  const toggle = (w: string) => {
    const next = new Set(collapsed);
    if (next.has(w)) next.delete(w);
    else next.add(w);
    setCollapsed([...next].sort().join(',') || null);
  };
  const warehouses = [...state.warehouses.keys()]
    .filter((w) => !filter.origin || w === filter.origin)
    .sort();
  return (
    <Stack sx={{ gap: 0.5 }}>
      {warehouses.map((w) => {
        const open = !collapsed.has(w);
        const laneId = `lane-${w}`;
        return (
          <Box key={w} component="section" aria-labelledby={laneId}>
            <LaneHeader
              id={laneId}
              warehouse={w}
              open={open}
              onToggle={() => toggle(w)}
              filter={filter}
              now={now}
            />
            {open && <FreightLane filter={{ ...filter, origin: w }} now={now} warehouse={w} />}
          </Box>
        );
      })}
    </Stack>
  );
}

/** A lane's toggle: its warehouse and how many of its freight pass the filters, kept live. */
function LaneHeader({
  id,
  warehouse,
  open,
  onToggle,
  filter,
  now,
}: {
  id: string;
  warehouse: string;
  open: boolean;
  onToggle: () => void;
  filter: FreightFilter;
  now: number;
}) {
  const state = useProjectState();
  const count = useFreightCount(state, { ...filter, origin: warehouse }, now);
  return (
    <Button
      id={id}
      size="small"
      onClick={onToggle}
      aria-expanded={open}
      sx={{ textTransform: 'none', justifyContent: 'flex-start' }}
    >
      <span aria-hidden="true">{open ? '▾' : '▸'}</span>&nbsp;{warehouse}
      {count !== undefined && (
        <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
          {count.toLocaleString()} freight
        </Typography>
      )}
    </Button>
  );
}

/** A warehouse's own freight window (its pages are asked for on their own). */
function FreightLane({
  filter,
  now,
  warehouse,
}: {
  filter: FreightFilter;
  now: number;
  warehouse: string;
}) {
  const state = useProjectState();
  const shown = useFreightWindow(state, filter, now);
  return <FreightStrip shown={shown} label={`Freight from ${warehouse}`} />;
}
