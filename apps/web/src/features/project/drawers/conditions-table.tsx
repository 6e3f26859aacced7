import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { Condition } from '@wharf/shared/api';
import { formatAge } from '@/lib/time';

export function ConditionsTable({ conditions }: { conditions: readonly Condition[] }) {
  if (conditions.length === 0) return <p>No conditions reported yet.</p>;
  return (
    <Table size="small" aria-label="Conditions">
      <TableHead>
        <TableRow>
          <TableCell>Type</TableCell>
          <TableCell>Status</TableCell>
          <TableCell>Reason</TableCell>
          <TableCell>Message</TableCell>
          <TableCell>Since</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {conditions.map((c) => (
          <TableRow key={c.type}>
            <TableCell>{c.type}</TableCell>
            <TableCell>{c.status}</TableCell>
            <TableCell>{c.reason}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>{c.message}</TableCell>
            <TableCell>{formatAge(c.lastTransitionTime)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
