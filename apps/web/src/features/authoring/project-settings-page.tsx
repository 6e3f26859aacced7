import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { objectQuery } from '@/lib/authoring/authoring-api';
import { CredentialsPanel } from '@/lib/authoring/credentials-panel';
import { DeleteDialog } from '@/lib/authoring/delete-dialog';
import { ObjectEditor } from '@/lib/authoring/object-editor';
import { GuardedButton } from '@/lib/guarded-button';
import { HttpError } from '@/lib/http';
import { useSearchParam } from '@/lib/use-search-param';
import { formFor } from './kind-form';
import { ObjectList } from './object-list';
import { useProjectNames } from './project-names';
import { newObject } from './templates';
import { useProjectDecision } from './use-decision';
import { WebhookReceivers } from './webhook-receivers';

const TABS = [
  ['policies', 'Promotion policies'],
  ['webhooks', 'Webhook receivers'],
  ['credentials', 'Credentials'],
  ['tasks', 'Promotion tasks'],
  ['configmaps', 'Config maps'],
  ['danger', 'Delete project'],
] as const;

function Policies({ project }: { project: string }) {
  const names = useProjectNames(project);
  const decision = useProjectDecision(project, 'updateProjectConfig');
  const [mode, setMode] = useSearchParam('mode');
  const client = useQueryClient();
  const target = { resource: 'projectconfigs' as const, project, name: project };
  const existing = useQuery({ ...objectQuery(target), retry: false, meta: { quiet: true } });
  const missing = existing.error instanceof HttpError && existing.error.status === 404;
  if (existing.isPending) return <LinearProgress aria-label="Loading promotion policies" />;
  if (existing.isError && !missing) return <Alert severity="error">{existing.error.message}</Alert>;
  return (
    <ObjectEditor
      key={existing.data?.object.metadata.resourceVersion ?? 'new'}
      target={missing ? { resource: 'projectconfigs', project } : target}
      initial={existing.data?.object ?? newObject('projectconfigs', project)}
      base={existing.data?.object}
      decision={decision}
      form={formFor('projectconfigs', missing, names)}
      mode={mode === 'yaml' ? 'yaml' : 'form'}
      onModeChange={(m) => setMode(m === 'yaml' ? 'yaml' : null)}
      onSaved={() => void client.invalidateQueries({ queryKey: objectQuery(target).queryKey })}
    />
  );
}

/** A project's settings: promotion policies, webhook receivers, credentials, tasks, config maps. */
export function ProjectSettingsPage() {
  const { project = '' } = useParams();
  const [tab, setTab] = useSearchParam('tab');
  const current = TABS.some(([id]) => id === tab) ? tab : 'policies';
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const read = useProjectDecision(project, 'readCredentials');
  const manage = useProjectDecision(project, 'manageCredentials');
  const tasks = useProjectDecision(project, 'managePromotionTasks');
  const configmaps = useProjectDecision(project, 'manageConfigMaps');
  const deleteProject = useProjectDecision(project, 'deleteProject');
  return (
    <Box sx={{ p: 3, overflow: 'auto' }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {project} · settings
      </Typography>
      <Tabs
        value={current}
        onChange={(_e, v: string) => setTab(v === 'policies' ? null : v, true)}
        aria-label="Settings"
        sx={{ mb: 2 }}
        variant="scrollable"
      >
        {TABS.map(([id, label]) => (
          <Tab key={id} value={id} label={label} />
        ))}
      </Tabs>
      {current === 'policies' && <Policies project={project} />}
      {current === 'webhooks' && <WebhookReceivers project={project} />}
      {current === 'credentials' && (
        <CredentialsPanel project={project} read={read} manage={manage} />
      )}
      {current === 'tasks' && (
        <ObjectList resource="promotiontasks" project={project} decision={tasks} />
      )}
      {current === 'configmaps' && (
        <ObjectList resource="configmaps" project={project} decision={configmaps} />
      )}
      {current === 'danger' && (
        <Stack sx={{ gap: 2, alignItems: 'flex-start' }}>
          <Typography>
            Deleting the project deletes its namespace and everything in it, unless the project is
            annotated to keep it.
          </Typography>
          <GuardedButton
            decision={deleteProject}
            color="error"
            variant="contained"
            onClick={() => setDeleting(true)}
          >
            Delete project {project}
          </GuardedButton>
        </Stack>
      )}
      {deleting && (
        <DeleteDialog
          target={{ resource: 'projects', name: project }}
          onClose={() => setDeleting(false)}
          onDeleted={() => void navigate('/')}
        />
      )}
    </Box>
  );
}
