import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { meQuery } from '@/lib/api/auth';
import { ClaimChips } from './claim-chips';

/** The signed-in user: who they are, and which roles they map to and why (the claims that matched). */
export function MyAccess({ project }: { project: string }) {
  const me = useQuery({ ...meQuery(), staleTime: 0 });
  if (me.isPending) return <LinearProgress aria-label="Loading your identity" />;
  if (me.isError)
    return <Alert severity="error">Could not read who you are: {me.error.message}</Alert>;
  const { actor, method, email, groups, roles } = me.data;
  const here = roles.filter((r) => r.project === project);
  const elsewhere = roles.filter((r) => r.project !== project);
  return (
    <>
      <Typography component="p" sx={{ mb: 1 }}>
        Signed in as <strong>{actor}</strong> ({method}){email ? `, email ${email}` : ''}
        {groups.length ? `, groups ${groups.join(', ')}` : ''}.
      </Typography>
      {method !== 'oidc' && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {method === 'admin'
            ? 'The admin acts with Wharf’s own permissions; no role mapping applies.'
            : 'A Kubernetes token acts as its own identity; Kubernetes RBAC decides directly.'}
        </Alert>
      )}
      {here.length === 0 ? (
        <Alert severity="info">No role of project {project} maps to you.</Alert>
      ) : (
        <Table size="small" aria-label="Your roles in this project">
          <TableHead>
            <TableRow>
              <TableCell>Role</TableCell>
              <TableCell>Because your claims matched</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {here.map((r) => (
              <TableRow key={r.serviceAccount}>
                <TableCell>{r.name}</TableCell>
                <TableCell>
                  <ClaimChips
                    claims={Object.entries(r.matchedClaims).map(([name, values]) => ({
                      name,
                      values,
                    }))}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {elsewhere.length > 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
          Elsewhere: {elsewhere.map((r) => `${r.project}/${r.name}`).join(', ')}
        </Typography>
      )}
    </>
  );
}
