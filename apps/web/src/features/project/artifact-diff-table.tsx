import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { ArtifactChange, ArtifactRow } from '@/lib/freight';

const color: Record<ArtifactChange, 'success' | 'warning' | 'error' | 'default'> = {
  NEW: 'success',
  CHANGED: 'warning',
  REMOVED: 'error',
  UNCHANGED: 'default',
};

export function ArtifactDiffTable({ rows }: { rows: readonly ArtifactRow[] }) {
  return (
    <Table size="small" aria-label="Current and incoming artifacts">
      <TableHead>
        <TableRow>
          <TableCell>Artifact</TableCell>
          <TableCell>Current</TableCell>
          <TableCell>Incoming</TableCell>
          <TableCell>Change</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.source}>
            <TableCell sx={{ wordBreak: 'break-all' }}>{r.source}</TableCell>
            <TableCell>{r.current ?? '—'}</TableCell>
            <TableCell>{r.incoming ?? '—'}</TableCell>
            <TableCell>
              <Chip size="small" label={r.change} color={color[r.change]} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
