import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ProjectConfigViewSchema, RefreshProjectConfigResultSchema } from '@wharf/shared/authoring';
import { Link as RouterLink } from 'react-router';
import { api, seg } from '@/lib/http';
import { GuardedButton } from '@/lib/guarded-button';
import { useProjectDecision } from './use-decision';

const configQuery = (project: string) => ({
  queryKey: ['project', project, 'projectconfig'],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api(`projects/${seg(project)}/projectconfig`, { signal }, (b) =>
      ProjectConfigViewSchema.parse(b),
    ),
});

/** Webhook receivers as Kargo published them, with URLs ready to copy, and a refresh. */
export function WebhookReceivers({ project }: { project: string }) {
  const client = useQueryClient();
  const config = useQuery({
    ...configQuery(project),
    refetchInterval: (q) => (q.state.data?.refresh.pending ? 1000 : 10_000),
  });
  const decision = useProjectDecision(project, 'updateProjectConfig');
  const refresh = useMutation({
    mutationFn: () =>
      api(`projects/${seg(project)}/projectconfig/refresh`, { method: 'POST', body: {} }, (b) =>
        RefreshProjectConfigResultSchema.parse(b),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: configQuery(project).queryKey }),
  });
  if (config.isPending) return <LinearProgress aria-label="Loading settings" />;
  if (config.isError) return <Alert severity="error">{config.error.message}</Alert>;
  const c = config.data;
  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          Webhook receivers
        </Typography>
        <GuardedButton
          decision={
            c.exists ? decision : { allowed: false, reason: 'The project has no settings yet.' }
          }
          disabled={refresh.isPending || c.refresh.pending}
          onClick={() => refresh.mutate()}
        >
          {c.refresh.pending ? 'Refreshing…' : 'Refresh settings'}
        </GuardedButton>
        <Button
          component={RouterLink}
          to={`/projects/${encodeURIComponent(project)}/edit/projectconfigs/${encodeURIComponent(project)}?mode=yaml`}
        >
          Add or change receivers (YAML)
        </Button>
      </Stack>
      {c.webhookReceivers.length === 0 && c.pendingReceivers.length === 0 && (
        <Alert severity="info">
          No receivers. A receiver gives a forge or registry a URL to call, so Kargo discovers new
          artifacts at once instead of at the next interval.
        </Alert>
      )}
      <List aria-label="Webhook receivers">
        {c.webhookReceivers.map((r) => (
          <ListItem
            key={r.name}
            secondaryAction={
              r.url ? (
                <IconButton
                  aria-label={`Copy the URL of ${r.name}`}
                  onClick={() => void navigator.clipboard.writeText(r.url ?? '')}
                >
                  ⧉
                </IconButton>
              ) : null
            }
          >
            <ListItemText primary={r.name} secondary={<code>{r.url ?? r.path}</code>} />
          </ListItem>
        ))}
        {c.pendingReceivers.map((n) => (
          <ListItem key={n}>
            <ListItemText
              primary={n}
              secondary="Kargo has not published a URL for it yet (its secret may be missing)."
            />
          </ListItem>
        ))}
      </List>
      {c.conditions
        .filter((x) => x.status !== 'True')
        .map((x) => (
          <Alert key={x.type} severity="warning">
            {x.type}: {x.message ?? x.reason}
          </Alert>
        ))}
    </Stack>
  );
}
