import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { AnalysisRunDetail, RoomStageView, VerificationRecord } from '@wharf/shared/api';
import { stageVerificationsQuery } from '@/lib/api/project';
import { formatAge, formatDuration } from '@/lib/time';
import { useSearchParam } from '@/lib/use-search-param';
import { verificationPhaseColor } from '../phase-style';
import { useProject } from '../project-context';

function Metrics({ run, detail }: { run: string; detail: AnalysisRunDetail }) {
  if (!detail.available) return <Alert severity="info">{detail.reason}</Alert>;
  return (
    <Stack sx={{ gap: 1 }}>
      <Typography variant="subtitle2" component="h4" id="analysis-metrics">
        Metrics of {run}: {detail.phase}
      </Typography>
      {detail.message && <Alert severity="warning">{detail.message}</Alert>}
      <Table size="small" aria-labelledby="analysis-metrics">
        <TableHead>
          <TableRow>
            <TableCell>Metric</TableCell>
            <TableCell>Phase</TableCell>
            <TableCell>Measured</TableCell>
            <TableCell>Successful</TableCell>
            <TableCell>Failed</TableCell>
            <TableCell>Last value</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {detail.metrics.map((m) => (
            <TableRow key={m.name}>
              <TableCell>{m.name}</TableCell>
              <TableCell>
                <Chip size="small" label={m.phase} color={verificationPhaseColor(m.phase)} />
              </TableCell>
              <TableCell>{m.count ?? m.measurements.length}</TableCell>
              <TableCell>{m.successful ?? 0}</TableCell>
              <TableCell>{(m.failed ?? 0) + (m.error ?? 0)}</TableCell>
              <TableCell>{m.measurements.at(-1)?.value ?? '—'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Stack>
  );
}

/** `<stage>.<ulid>.<collection id>` is long: show the stage and the start of the ULID. */
const shortRun = (name: string) => {
  const [stage, ulid] = name.split('.');
  return ulid ? `${stage}.${ulid.slice(0, 10)}…` : name;
};

function Row({
  v,
  open,
  onToggle,
}: {
  v: VerificationRecord;
  open: boolean;
  onToggle: () => void;
}) {
  const running = v.phase === 'Running' || v.phase === 'Pending';
  return (
    <TableRow selected={open}>
      <TableCell>
        <Chip size="small" label={v.phase} color={verificationPhaseColor(v.phase)} />
      </TableCell>
      <TableCell title={v.startTime}>{formatAge(v.startTime)} ago</TableCell>
      <TableCell>
        {running
          ? `${formatDuration(v.startTime)} so far`
          : formatDuration(v.startTime, v.finishTime)}
      </TableCell>
      <TableCell>{v.actor ?? 'controller'}</TableCell>
      <TableCell>
        {v.freight.map((f) => f.alias ?? f.name.slice(0, 7)).join(', ')}
        {v.current ? ' (current)' : ''}
      </TableCell>
      <TableCell sx={{ wordBreak: 'break-word' }}>
        {v.analysisRun ? (
          <Link
            component="button"
            onClick={onToggle}
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} metrics of AnalysisRun ${v.analysisRun.name}`}
            title={v.analysisRun.name}
          >
            {shortRun(v.analysisRun.name)}
          </Link>
        ) : (
          'No analysis configured'
        )}
        {v.message && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            {v.message}
          </Typography>
        )}
      </TableCell>
    </TableRow>
  );
}

/** The stage's verifications: AnalysisRun, phase, timing and message, newest first, with metrics. */
export function VerificationTab({ stage }: { stage: RoomStageView }) {
  const { project } = useProject();
  const q = useQuery(stageVerificationsQuery(project, stage.name, stage.resourceVersion));
  const [run, setRun] = useSearchParam('run');
  if (q.isPending) return <p role="status">Loading verifications…</p>;
  if (q.isError)
    return <Alert severity="error">Verifications could not be loaded: {q.error.message}</Alert>;
  const items = q.data.items;
  if (items.length === 0)
    return (
      <p>
        {stage.verificationConfigured
          ? 'No verification has run yet.'
          : 'No verification configured: freight counts as verified once the stage is healthy.'}
      </p>
    );
  const open = items.find((v) => v.analysisRun?.name === run && v.analysis);
  return (
    <Stack sx={{ gap: 2 }}>
      <Table size="small" aria-label="Verification history">
        <TableHead>
          <TableRow>
            <TableCell>Phase</TableCell>
            <TableCell>Started</TableCell>
            <TableCell>Duration</TableCell>
            <TableCell>By</TableCell>
            <TableCell>Freight</TableCell>
            <TableCell>AnalysisRun and message</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((v) => (
            <Row
              key={`${v.id}:${v.analysisRun?.name ?? ''}`}
              v={v}
              open={v.analysisRun !== undefined && v.analysisRun.name === run}
              onToggle={() =>
                setRun(v.analysisRun?.name === run ? null : (v.analysisRun?.name ?? null))
              }
            />
          ))}
        </TableBody>
      </Table>
      {open?.analysis && open.analysisRun && (
        <Metrics run={open.analysisRun.name} detail={open.analysis} />
      )}
    </Stack>
  );
}
