import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { EventView } from '@wharf/shared/api';
import { Link, useParams } from 'react-router';
import { eventsQuery, type EventFilter } from '@/lib/api/project';
import { useEventsLive } from '@/lib/live/use-events-live';
import { useProjectLive } from '@/lib/live/use-project-live';
import { KARGO_EVENT_REASONS } from '@wharf/shared';
import { formatAge } from '@/lib/time';
import { useSearchParam } from '@/lib/use-search-param';

const LIMIT = 50;
// Kargo's event reasons, offered in the reason filter.
const REASONS = KARGO_EVENT_REASONS;

const matches = (e: EventView, filter: unknown) => {
  const f = (filter ?? {}) as EventFilter;
  return (!f.reason || e.reason === f.reason) && (!f.stage || e.stage === f.stage);
};

export function EventsPage() {
  const { project = '' } = useParams();
  const [reason, setReason] = useSearchParam('reason');
  const [stage, setStage] = useSearchParam('stage');
  const [kind, setKind] = useSearchParam('kind');
  const [pageParam, setPage] = useSearchParam('page');
  const page = Math.max(0, Number(pageParam) || 0);
  const live = useProjectLive(project);
  useEventsLive(project, matches);
  const filter: EventFilter = { ...(reason ? { reason } : {}), ...(stage ? { stage } : {}) };
  const events = useQuery({
    ...eventsQuery(project, filter, page * LIMIT, LIMIT),
    placeholderData: keepPreviousData,
  });
  const items = (events.data?.items ?? []).filter((e) => !kind || e.involvedObject.kind === kind);
  const base = `/projects/${encodeURIComponent(project)}`;
  return (
    <Box sx={{ p: 3, overflow: 'auto' }}>
      <Typography variant="h4" component="h1" gutterBottom>
        Events in <Link to={base}>{project}</Link>
      </Typography>
      <Stack direction="row" sx={{ gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          label="Kind"
          value={kind}
          onChange={(e) => setKind(e.target.value || null)}
          sx={{ minWidth: 140 }}
        >
          <MenuItem value="">All kinds</MenuItem>
          <MenuItem value="Promotion">Promotion</MenuItem>
          <MenuItem value="Freight">Freight</MenuItem>
        </TextField>
        <TextField
          select
          size="small"
          label="Reason"
          value={reason}
          onChange={(e) => {
            setReason(e.target.value || null);
            setPage(null);
          }}
          sx={{ minWidth: 220 }}
        >
          <MenuItem value="">All reasons</MenuItem>
          {REASONS.map((r) => (
            <MenuItem key={r} value={r}>
              {r}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="Stage"
          value={stage}
          onChange={(e) => {
            setStage(e.target.value || null);
            setPage(null);
          }}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="">All stages</MenuItem>
          {[...(live.data?.stages.keys() ?? [])].sort().map((s) => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {events.isPending && <LinearProgress aria-label="Loading events" />}
      {events.isError && <Alert severity="error">{events.error.message}</Alert>}
      {events.data && items.length === 0 && (
        <Alert severity="info">
          No events match. Kargo records an event for every promotion and every new, approved or
          verified freight.
        </Alert>
      )}
      {items.length > 0 && (
        <Table size="small" aria-label="Events">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Reason</TableCell>
              <TableCell>Object</TableCell>
              <TableCell>Message</TableCell>
              <TableCell>Actor</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((e) => (
              <TableRow key={e.uid}>
                <TableCell>
                  {formatAge(e.time)} ago{e.count > 1 ? ` (×${e.count})` : ''}
                </TableCell>
                <TableCell>{e.reason}</TableCell>
                <TableCell>
                  <Link
                    to={`${base}/${e.involvedObject.kind === 'Promotion' ? 'promotions' : 'freight'}/${encodeURIComponent(e.involvedObject.name)}`}
                  >
                    {e.involvedObject.kind} {e.freightAlias ?? e.involvedObject.name}
                  </Link>
                </TableCell>
                <TableCell>{e.message}</TableCell>
                <TableCell>{e.actor}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {events.data && (
        <Stack direction="row" sx={{ gap: 2, mt: 2, alignItems: 'center' }}>
          <Button
            disabled={page === 0}
            onClick={() => setPage(page > 1 ? String(page - 1) : null, true)}
          >
            Newer
          </Button>
          <span>
            Page {page + 1} of {Math.max(1, Math.ceil(events.data.total / LIMIT))}
          </span>
          <Button
            disabled={events.data.nextOffset === null}
            onClick={() => setPage(String(page + 1), true)}
          >
            Older
          </Button>
        </Stack>
      )}
    </Box>
  );
}
