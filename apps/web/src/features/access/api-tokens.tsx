import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatedApiToken } from '@wharf/shared/api';
import { useState } from 'react';
import type { Decision } from '@/lib/api/capabilities';
import { formatAge } from '@/lib/time';
import { roleNameProblem } from './role-name';
import { createToken, deleteToken, rolesKey, tokensQuery } from './roles-api';
import { TokenShownOnce } from './token-shown-once';

/** A role's API tokens: created here (the value shown once), listed, deleted. */
export function ApiTokens({
  project,
  role,
  decision,
}: {
  project: string;
  role: string;
  decision: Decision;
}) {
  const tokens = useQuery(tokensQuery(project, role));
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedApiToken>();
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: [...rolesKey(project), role, 'tokens'] });
  const create = useMutation({
    mutationFn: () => createToken(project, role, name),
    meta: { quiet: true },
    onSuccess: (t) => {
      setCreated(t);
      setName('');
    },
    onSettled: refresh,
  });
  const del = useMutation({
    mutationFn: (token: string) => deleteToken(project, role, token),
    meta: { quiet: true },
    onSettled: refresh,
  });
  const problem = name ? roleNameProblem(name) : undefined;
  return (
    <Stack component="section" aria-labelledby="tokens-heading" sx={{ gap: 2 }}>
      <Typography variant="h6" component="h2" id="tokens-heading">
        API tokens
      </Typography>
      <Stack
        component="form"
        direction="row"
        sx={{ gap: 1, alignItems: 'flex-start' }}
        onSubmit={(e) => {
          e.preventDefault();
          if (name && !problem) create.mutate();
        }}
      >
        <TextField
          size="small"
          label="New token name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={Boolean(problem)}
          helperText={problem ?? 'Becomes a Secret of the role’s ServiceAccount'}
          disabled={!decision.allowed}
        />
        <Button
          type="submit"
          variant="outlined"
          disabled={!decision.allowed || !name || Boolean(problem) || create.isPending}
        >
          Create token
        </Button>
      </Stack>
      {create.isError && (
        <Alert severity="error" role="alert">
          {create.error.message}
        </Alert>
      )}
      {del.isError && (
        <Alert severity="error" role="alert">
          {del.error.message}
        </Alert>
      )}
      {tokens.isError && (
        <Alert severity="error">Could not list tokens: {tokens.error.message}</Alert>
      )}
      {tokens.data?.length === 0 && <Typography color="text.secondary">No API tokens.</Typography>}
      {tokens.data && tokens.data.length > 0 && (
        <Table size="small" aria-label={`API tokens of ${role}`}>
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Created</TableCell>
              <TableCell>Last used</TableCell>
              <TableCell>Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {tokens.data.map((t) => (
              <TableRow key={t.name}>
                <TableCell>{t.name}</TableCell>
                <TableCell title={t.createdAt}>
                  {t.createdAt ? `${formatAge(t.createdAt)} ago` : '—'}
                </TableCell>
                <TableCell>not recorded by Kubernetes</TableCell>
                <TableCell>
                  <IconButton
                    aria-label={`Delete token ${t.name}`}
                    disabled={!decision.allowed || del.isPending}
                    onClick={() => {
                      if (
                        window.confirm(
                          `Delete API token ${t.name}? Anything using it stops working.`,
                        )
                      )
                        del.mutate(t.name);
                    }}
                  >
                    <span aria-hidden="true">🗑</span>
                  </IconButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {created && <TokenShownOnce token={created} onClose={() => setCreated(undefined)} />}
    </Stack>
  );
}
