import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useQuery } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import { capabilitiesQuery, stageDecision } from '@/lib/api/capabilities';
import { useSearchParam } from '@/lib/use-search-param';
import { rolePath } from './access-paths';
import { ClaimChips } from './claim-chips';
import { rolesQuery } from './roles-api';
import { promotersOf } from './who-can';

/** For a chosen stage: the roles (and so the claims) allowed to promote to it, and the user's own answer. */
export function WhoCanPromote({ project }: { project: string }) {
  const [stage, setStage] = useSearchParam('stage');
  const caps = useQuery(capabilitiesQuery(project));
  const roles = useQuery(rolesQuery(project));
  const stages = [...(caps.data?.stages.names ?? [])].sort();
  const promoters = stage && roles.data ? promotersOf(roles.data, stage) : [];
  const mine = stage ? stageDecision(caps.data, stage, 'promote') : undefined;
  return (
    <>
      <TextField
        select
        size="small"
        label="Stage"
        value={stages.includes(stage) ? stage : ''}
        onChange={(e) => setStage(e.target.value || null)}
        sx={{ minWidth: 220, mb: 2 }}
      >
        {stages.map((s) => (
          <MenuItem key={s} value={s}>
            {s}
          </MenuItem>
        ))}
      </TextField>
      {(roles.isPending || caps.isPending) && <LinearProgress aria-label="Loading roles" />}
      {roles.isError && <Alert severity="error">Could not read roles: {roles.error.message}</Alert>}
      {!stage && <Alert severity="info">Choose a stage to see who may promote to it.</Alert>}
      {mine && (
        <Alert severity={mine.allowed ? 'success' : 'warning'} sx={{ mb: 2 }}>
          You {mine.allowed ? 'may' : 'may not'} promote to {stage}
          {mine.allowed ? '.' : `: ${mine.reason}`}
        </Alert>
      )}
      {stage && roles.data && promoters.length === 0 && (
        <Alert severity="info">No role of this project may promote to {stage}.</Alert>
      )}
      {promoters.length > 0 && (
        <Table size="small" aria-label={`Roles that may promote to ${stage}`}>
          <TableHead>
            <TableRow>
              <TableCell>Role</TableCell>
              <TableCell>Claims mapped to it (who)</TableCell>
              <TableCell>Note</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {promoters.map((p) => (
              <TableRow key={p.role}>
                <TableCell>
                  <Link component={RouterLink} to={rolePath(project, p.role)}>
                    {p.role}
                  </Link>
                </TableCell>
                <TableCell>
                  <ClaimChips claims={p.claims} />
                </TableCell>
                <TableCell>
                  {p.canCreatePromotions
                    ? ''
                    : 'Has "promote" on the stage but not "create" on promotions, so promoting fails.'}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
