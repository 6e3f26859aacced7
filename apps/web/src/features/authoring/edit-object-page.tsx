import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AUTHORING_KINDS, AuthoringResourceSchema } from '@wharf/shared/authoring';
import { Link as RouterLink, useNavigate, useParams } from 'react-router';
import { objectQuery } from '@/lib/authoring/authoring-api';
import { ObjectEditor } from '@/lib/authoring/object-editor';
import { useSearchParam } from '@/lib/use-search-param';
import { formFor } from './kind-form';
import { useProjectNames } from './project-names';
import { newObject } from './templates';
import { useWriteDecision } from './use-decision';

/** Create or edit one object, as a form or as YAML (`?mode=yaml`); `?warehouse=` seeds a new stage. */
export function EditObjectPage() {
  const { project, resource: raw = '', name } = useParams();
  const parsed = AuthoringResourceSchema.safeParse(raw);
  const resource = parsed.success ? parsed.data : 'stages';
  const creating = !name;
  const [modeParam, setMode] = useSearchParam('mode');
  const [warehouse] = useSearchParam('warehouse');
  const navigate = useNavigate();
  const client = useQueryClient();
  const names = useProjectNames(project);
  const decision = useWriteDecision(resource, project, creating);
  const existing = useQuery({
    ...objectQuery({ resource, project, name }),
    enabled: parsed.success && !creating,
  });
  if (!parsed.success)
    return (
      <Alert severity="error" sx={{ m: 3 }}>
        Wharf does not edit “{raw}”.
      </Alert>
    );
  const kind = AUTHORING_KINDS[resource].kind;
  const form = formFor(resource, creating, names);
  const mode = modeParam === 'yaml' || !form ? 'yaml' : 'form';
  const back = project ? `/projects/${encodeURIComponent(project)}` : '/settings';
  if (!creating && existing.isPending) return <LinearProgress aria-label={`Loading ${kind}`} />;
  if (!creating && existing.isError)
    return (
      <Alert severity="error" sx={{ m: 3 }}>
        {existing.error.message}
      </Alert>
    );
  const initial = creating
    ? newObject(resource, project, warehouse ? { warehouse } : {})
    : (existing.data?.object as Record<string, unknown>);
  return (
    <Box sx={{ p: 3, overflow: 'auto' }}>
      <Breadcrumbs aria-label="Where you are" sx={{ mb: 1 }}>
        <Link component={RouterLink} to={back}>
          {project ?? 'Cluster settings'}
        </Link>
        <Typography>{creating ? `New ${kind.toLowerCase()}` : `${kind} ${name}`}</Typography>
      </Breadcrumbs>
      <Typography variant="h5" component="h1" gutterBottom>
        {creating ? `New ${kind}` : `Edit ${kind} ${name}`}
      </Typography>
      <ObjectEditor
        key={`${resource}/${name ?? ''}`}
        target={{ resource, project, name }}
        initial={initial}
        base={existing.data?.object}
        decision={decision}
        form={form}
        mode={mode}
        onModeChange={(m) => setMode(m === 'yaml' ? 'yaml' : null)}
        onSaved={(saved) => {
          void client.invalidateQueries({ queryKey: ['authoring'] });
          void navigate(
            project && (resource === 'stages' || resource === 'warehouses')
              ? `${back}/${resource}/${encodeURIComponent(saved.metadata.name)}`
              : project
                ? `${back}/settings`
                : back,
          );
        }}
      />
    </Box>
  );
}
