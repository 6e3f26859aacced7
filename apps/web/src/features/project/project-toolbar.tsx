import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { projectDecision } from '@/lib/api/capabilities';
import { GuardedButton } from '@/lib/guarded-button';
import { useShortcut } from '@/lib/shortcuts';
import { useSearchParam } from '@/lib/use-search-param';
import { useProject, useProjectState } from './project-context';
import { useCapabilities } from './capabilities-store';

export function ProjectToolbar() {
  const { project } = useProject();
  const caps = useCapabilities();
  const navigate = useNavigate();
  const state = useProjectState();
  const [view, setView] = useSearchParam('view');
  const [warehouse, setWarehouse] = useSearchParam('warehouse');
  const [q, setQ] = useSearchParam('q');
  const [collapsed, setCollapsed] = useSearchParam('collapsed');
  const search = useRef<HTMLInputElement>(null);
  useShortcut('s', 'Search stages', () => search.current?.focus());
  useShortcut('g', 'Show the graph', () => setView(null));
  useShortcut('l', 'Show the list', () => setView('list'));
  return (
    <Stack
      direction="row"
      sx={{
        px: 2,
        py: 1,
        gap: 2,
        alignItems: 'center',
        flexWrap: 'wrap',
        borderBottom: 1,
        borderColor: 'divider',
      }}
    >
      <Typography variant="h5" component="h1">
        {project}
      </Typography>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={view === 'list' ? 'list' : 'graph'}
        onChange={(_e, v: string | null) => v && setView(v === 'list' ? 'list' : null)}
        aria-label="View"
      >
        <ToggleButton value="graph">Graph</ToggleButton>
        <ToggleButton value="list">List</ToggleButton>
      </ToggleButtonGroup>
      <TextField
        select
        size="small"
        label="Warehouse"
        value={warehouse}
        onChange={(e) => setWarehouse(e.target.value || null)}
        sx={{ minWidth: 160 }}
      >
        <MenuItem value="">All warehouses</MenuItem>
        {[...state.warehouses.keys()].map((w) => (
          <MenuItem key={w} value={w}>
            {w}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        inputRef={search}
        size="small"
        label="Search stages"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value || null)}
      />
      {collapsed && (
        <Button size="small" onClick={() => setCollapsed(null)}>
          Expand all
        </Button>
      )}
      <Button size="small" component={Link} to={`/projects/${encodeURIComponent(project)}/events`}>
        Events
      </Button>
      <Button size="small" component={Link} to={`/projects/${encodeURIComponent(project)}/matrix`}>
        Versions
      </Button>
      <Button size="small" component={Link} to={`/projects/${encodeURIComponent(project)}/compare`}>
        Compare
      </Button>
      <Button
        size="small"
        component={Link}
        to={`/projects/${encodeURIComponent(project)}/settings`}
      >
        Settings
      </Button>
      <GuardedButton
        decision={projectDecision(caps, 'createWarehouse')}
        onClick={() => void navigate(`/projects/${encodeURIComponent(project)}/create/warehouses`)}
      >
        New warehouse
      </GuardedButton>
      <GuardedButton
        decision={projectDecision(caps, 'createStage')}
        onClick={() => void navigate(`/projects/${encodeURIComponent(project)}/create/stages`)}
      >
        New stage
      </GuardedButton>
      {state.errors.length > 0 && (
        <Typography color="warning.main" role="alert">
          Partly loaded: {state.errors.map((e) => `${e.kind}: ${e.message}`).join('; ')}
        </Typography>
      )}
    </Stack>
  );
}
