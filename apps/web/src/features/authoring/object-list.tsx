import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AUTHORING_KINDS, apiVersionOf, type AuthoringResource } from '@wharf/shared/authoring';
import { useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { Decision } from '@/lib/api/capabilities';
import { DeleteDialog } from '@/lib/authoring/delete-dialog';
import { GuardedButton } from '@/lib/guarded-button';
import { api, seg } from '@/lib/http';

/**
 * Objects of one kind (PromotionTasks, ConfigMaps, ClusterPromotionTasks) with edit, new and
 * delete. Read through the BFF's read-only proxy, as the user.
 */
export function ObjectList({
  resource,
  project,
  decision,
}: {
  resource: AuthoringResource;
  project?: string;
  decision: Decision;
}) {
  const client = useQueryClient();
  const k = AUTHORING_KINDS[resource];
  const path = `k8s/${k.group ? 'apis' : 'api'}/${apiVersionOf(resource)}${project ? `/namespaces/${seg(project)}` : ''}/${resource}`;
  const list = useQuery({
    queryKey: ['authoring', 'list', resource, project ?? ''],
    queryFn: ({ signal }) =>
      api(path, { signal }, (b) => (b as { items?: { metadata: { name: string } }[] }).items ?? []),
  });
  const [deleting, setDeleting] = useState('');
  const navigate = useNavigate();
  const base = project ? `/projects/${encodeURIComponent(project)}` : '/settings';
  const plural = `${k.kind}s`;
  return (
    <Stack sx={{ gap: 1 }}>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {plural}
        </Typography>
        <GuardedButton
          decision={decision}
          onClick={() => void navigate(`${base}/create/${resource}`)}
        >
          New {k.kind}
        </GuardedButton>
      </Stack>
      {list.isError && <Alert severity="error">{list.error.message}</Alert>}
      {list.data?.length === 0 && <Typography color="text.secondary">None yet.</Typography>}
      <List dense aria-label={plural}>
        {list.data?.map((o) => (
          <ListItem
            key={o.metadata.name}
            secondaryAction={
              <Stack direction="row" sx={{ gap: 1 }}>
                <Button
                  size="small"
                  component={RouterLink}
                  to={`${base}/edit/${resource}/${encodeURIComponent(o.metadata.name)}`}
                >
                  {decision.allowed ? 'Edit' : 'View'}
                </Button>
                <GuardedButton
                  decision={decision}
                  color="error"
                  aria-label={`Delete ${o.metadata.name}`}
                  onClick={() => setDeleting(o.metadata.name)}
                >
                  Delete
                </GuardedButton>
              </Stack>
            }
          >
            <ListItemText primary={o.metadata.name} />
          </ListItem>
        ))}
      </List>
      {deleting && (
        <DeleteDialog
          target={{ resource, project, name: deleting }}
          onClose={() => setDeleting('')}
          onDeleted={() => {
            setDeleting('');
            void client.invalidateQueries({ queryKey: ['authoring', 'list', resource] });
          }}
        />
      )}
    </Stack>
  );
}
