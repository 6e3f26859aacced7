import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef } from 'react';
import Button from '@mui/material/Button';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { AttentionSection } from './attention/attention-section';
import { useProjectsLive } from '@/lib/live/use-projects-live';
import { useShortcut } from '@/lib/shortcuts';
import { filterProjects } from './filter-projects';
import { ProjectTile } from './project-tile';
import { useStarred } from './starred';

export function ProjectsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const starredOnly = params.get('starred') === '1';
  const starred = useStarred();
  const projects = useProjectsLive();
  const search = useRef<HTMLInputElement>(null);
  useShortcut('/', 'Focus the filter', () => search.current?.focus());
  const update = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = projects.data ? filterProjects(projects.data.items, q, starred, starredOnly) : [];
  return (
    <Box sx={{ p: 3, overflow: 'auto' }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography variant="h4" component="h1" sx={{ flex: 1 }}>
          Projects
        </Typography>
        <Button component={RouterLink} to="/settings">
          Cluster settings
        </Button>
        <Button variant="contained" component={RouterLink} to="/projects/new">
          New project
        </Button>
      </Stack>
      <AttentionSection />
      <Typography variant="h5" component="h2" sx={{ mb: 1 }}>
        All projects
      </Typography>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <TextField
          inputRef={search}
          size="small"
          label="Filter projects"
          value={q}
          onChange={(e) => update('q', e.target.value)}
        />
        <FormControlLabel
          control={
            <Switch
              checked={starredOnly}
              onChange={(e) => update('starred', e.target.checked ? '1' : '')}
            />
          }
          label="Starred only"
        />
      </Stack>
      {projects.isError && <Alert severity="error">{projects.error.message}</Alert>}
      {projects.isPending && (
        <Skeleton variant="rounded" height={120} aria-label="Loading projects" />
      )}
      {projects.data && projects.data.items.length === 0 && (
        <Alert severity="info">
          No Kargo projects yet, or none you may see. Create one with New project, or with{' '}
          <code>kubectl apply -f</code> a Project manifest; it appears here as soon as it exists.
        </Alert>
      )}
      {projects.data && projects.data.items.length > 0 && items.length === 0 && (
        <Alert severity="info">No project matches this filter. Clear it to see all projects.</Alert>
      )}
      <Box
        component="ul"
        aria-label="Projects"
        sx={{
          p: 0,
          m: 0,
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
        }}
      >
        {items.map((p) => (
          <ProjectTile key={p.name} project={p} starred={starred.has(p.name)} />
        ))}
      </Box>
    </Box>
  );
}
