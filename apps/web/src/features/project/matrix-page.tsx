import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { versionMatrix } from '@wharf/shared';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useProjectLive } from '@/lib/live/use-project-live';

/**
 * /projects/:project/matrix: which version of each image (and chart) runs in which stage,
 * live. A row whose stages run different versions is marked, so drift stands out.
 */
export function MatrixPage() {
  const { project = '' } = useParams();
  const live = useProjectLive(project);
  const matrix = useMemo(
    () => (live.data ? versionMatrix([...live.data.stages.values()]) : undefined),
    [live.data],
  );
  const base = `/projects/${encodeURIComponent(project)}`;
  return (
    <Box sx={{ p: 3, overflow: 'auto' }}>
      <Typography variant="h4" component="h1" gutterBottom>
        Versions by stage in <Link to={base}>{project}</Link>
      </Typography>
      {live.isPending && <LinearProgress aria-label="Loading the project" />}
      {live.isError && <Alert severity="error">{live.error.message}</Alert>}
      {matrix && matrix.rows.length === 0 && (
        <Alert severity="info">No stage holds an image or chart yet.</Alert>
      )}
      {matrix && matrix.rows.length > 0 && (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" stickyHeader aria-label="Image and chart versions by stage">
            <TableHead>
              <TableRow>
                <TableCell>Artifact</TableCell>
                {matrix.stages.map((s) => (
                  <TableCell key={s}>
                    <Link to={`${base}/stages/${encodeURIComponent(s)}`}>{s}</Link>
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {matrix.rows.map((r) => (
                <TableRow key={`${r.kind}:${r.key}`}>
                  <TableCell component="th" scope="row" sx={{ wordBreak: 'break-all' }}>
                    <Typography variant="caption" color="text.secondary" component="div">
                      {r.kind === 'image' ? 'Image' : 'Chart'}
                      {r.distinct > 1 ? ` · ${r.distinct} versions running` : ''}
                    </Typography>
                    {r.key}
                  </TableCell>
                  {matrix.stages.map((s) => (
                    <TableCell key={s} sx={r.distinct > 1 ? { fontWeight: 600 } : undefined}>
                      {(r.cells[s] ?? []).join(', ') || '—'}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}
