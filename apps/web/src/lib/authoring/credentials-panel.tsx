import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { CredentialView } from '@wharf/shared/authoring';
import { useState } from 'react';
import type { Decision } from '@/lib/api/capabilities';
import { GuardedButton } from '@/lib/guarded-button';
import { formatAge } from '@/lib/time';
import {
  createCredential,
  credentialsQuery,
  deleteCredential,
  replaceCredential,
} from './authoring-api';
import { CredentialDialog } from './credential-dialog';

/**
 * Credentials of a project (or the shared ones): which exist, for which URLs, when they changed.
 * Values are write-only: add and replace send them, nothing ever shows them.
 */
export function CredentialsPanel({
  project,
  read,
  manage,
}: {
  project: string | undefined;
  read: Decision;
  manage: Decision;
}) {
  const client = useQueryClient();
  const list = useQuery({ ...credentialsQuery(project), enabled: read.allowed });
  const [editing, setEditing] = useState<CredentialView | 'new' | undefined>();
  const refresh = () => client.invalidateQueries({ queryKey: credentialsQuery(project).queryKey });
  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {project
            ? 'Credentials'
            : `Shared credentials${list.data ? ` (${list.data.namespace})` : ''}`}
        </Typography>
        <GuardedButton decision={manage} variant="contained" onClick={() => setEditing('new')}>
          Add credential
        </GuardedButton>
      </Stack>
      {!read.allowed && <Alert severity="info">{read.reason}</Alert>}
      {list.isPending && read.allowed && <LinearProgress aria-label="Loading credentials" />}
      {list.isError && <Alert severity="error">{list.error.message}</Alert>}
      {list.data && list.data.items.length === 0 && (
        <Alert severity="info">
          No credentials yet. Kargo uses the first credential whose URL (or pattern) matches a
          repository it reads or writes, here first, then in the shared namespace.
        </Alert>
      )}
      {list.data && list.data.items.length > 0 && (
        <Table size="small" aria-label="Credentials">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Type</TableCell>
              <TableCell>For</TableCell>
              <TableCell>Keys</TableCell>
              <TableCell>Changed</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {list.data.items.map((c) => (
              <TableRow key={c.name}>
                <TableCell>
                  {c.name}
                  {c.description ? (
                    <Typography variant="body2" color="text.secondary">
                      {c.description}
                    </Typography>
                  ) : null}
                </TableCell>
                <TableCell>{c.type}</TableCell>
                <TableCell>
                  {c.repoURL ? (
                    <code>
                      {c.repoURLIsRegex ? 'pattern ' : ''}
                      {c.repoURL}
                    </code>
                  ) : (
                    '—'
                  )}
                </TableCell>
                <TableCell>{c.keys.join(', ')}</TableCell>
                <TableCell>{c.updatedAt ? `${formatAge(c.updatedAt)} ago` : ''}</TableCell>
                <TableCell>
                  <Stack direction="row" sx={{ gap: 1 }}>
                    <GuardedButton
                      decision={manage}
                      aria-label={`Replace ${c.name}`}
                      onClick={() => setEditing(c)}
                    >
                      Replace
                    </GuardedButton>
                    <GuardedButton
                      decision={manage}
                      color="error"
                      aria-label={`Delete ${c.name}`}
                      onClick={() => {
                        if (
                          window.confirm(
                            `Delete credential ${c.name}? Kargo stops using it at once.`,
                          )
                        )
                          void deleteCredential(project, c.name).then(refresh);
                      }}
                    >
                      Delete
                    </GuardedButton>
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && (
        <CredentialDialog
          existing={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(undefined)}
          onSubmit={async (req) => {
            if ('create' in req) await createCredential(project, req.create);
            else if (editing !== 'new' && editing)
              await replaceCredential(project, editing.name, req.replace);
            await refresh();
          }}
        />
      )}
    </Stack>
  );
}
