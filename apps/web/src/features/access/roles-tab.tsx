import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { Decision } from '@/lib/api/capabilities';
import { useShortcut } from '@/lib/shortcuts';
import { useSearchParam } from '@/lib/use-search-param';
import { newRolePath } from './access-paths';
import { GrantDialog } from './grant-dialog';
import { rolesQuery } from './roles-api';
import { RolesTable } from './roles-table';
import { roleMatches } from './who-can';

export function RolesTab({ project, manage }: { project: string; manage: Decision }) {
  const [q, setQ] = useSearchParam('q');
  const [grant, setGrant] = useSearchParam('grant');
  const roles = useQuery(rolesQuery(project));
  const shown = (roles.data ?? []).filter((r) => roleMatches(r, q));
  const grantRole = roles.data?.find((r) => r.name === grant);
  const search = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();
  useShortcut('s', 'Search roles', () => search.current?.focus());
  useShortcut('n', 'New role', () => void navigate(newRolePath(project)), manage.allowed);
  return (
    <>
      <Stack direction="row" sx={{ gap: 2, mb: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          size="small"
          type="search"
          label="Search roles"
          inputRef={search}
          placeholder="name, claim, group, resource…"
          value={q}
          onChange={(e) => setQ(e.target.value || null)}
          sx={{ minWidth: 280 }}
        />
        <Button
          variant="contained"
          component={RouterLink}
          to={newRolePath(project)}
          disabled={!manage.allowed}
        >
          New role
        </Button>
        <Typography variant="caption" color="text.secondary">
          Live: other admins&apos; changes appear here as they happen.
        </Typography>
      </Stack>
      {roles.isPending && <LinearProgress aria-label="Loading roles" />}
      {roles.isError && <Alert severity="error">Could not read roles: {roles.error.message}</Alert>}
      {roles.data && shown.length === 0 && (
        <Alert severity="info">
          {q ? `No role matches "${q}".` : 'This project has no roles yet.'}
        </Alert>
      )}
      {shown.length > 0 && (
        <RolesTable
          project={project}
          roles={shown}
          manage={manage}
          onGrant={(name) => setGrant(name, true)}
        />
      )}
      {grantRole && (
        <GrantDialog project={project} role={grantRole} onClose={() => setGrant(null)} />
      )}
    </>
  );
}
