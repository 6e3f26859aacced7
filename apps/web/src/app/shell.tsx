import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Toolbar from '@mui/material/Toolbar';
import { lazy, Suspense, useEffect, useState } from 'react';
import {
  Link as RouterLink,
  Outlet,
  useLocation,
  useMatch,
  useNavigate,
  useNavigation,
} from 'react-router';
import { useSilentRefresh } from '@/lib/api/use-silent-refresh';
import { onUnauthorized } from '@/lib/http';
import { useChordShortcut, useShortcut } from '@/lib/shortcuts';
import { ColorSchemeToggle } from './color-scheme-toggle';
import { LiveChip } from './live-chip';
import { ProjectAccessLink } from './project-access-link';
import { UpdateNotice } from './update-notice';

// Both validate server answers with zod schemas: loaded after the first paint, off the first chunk.
const ConnectionChip = lazy(() =>
  import('./connection-chip').then((m) => ({ default: m.ConnectionChip })),
);
const ClusterNotice = lazy(() =>
  import('./connection-chip').then((m) => ({ default: m.ClusterNotice })),
);
// The palette and its search client load on first use.
const CommandPalette = lazy(() =>
  import('./command-palette').then((m) => ({ default: m.CommandPalette })),
);
const ShortcutHelp = lazy(() =>
  import('./shortcut-help').then((m) => ({ default: m.ShortcutHelp })),
);
const UserMenu = lazy(() => import('./user-menu').then((m) => ({ default: m.UserMenu })));

/** Sends the user to the login page on any 401, remembering where they were. */
function useLoginRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(
    () =>
      onUnauthorized(() => {
        const next = `${location.pathname}${location.search}`;
        void navigate(`/login?next=${encodeURIComponent(next)}`, { replace: true });
      }),
    [navigate, location],
  );
}

export function Shell() {
  useLoginRedirect();
  useSilentRefresh();
  const navigation = useNavigation();
  const navigate = useNavigate();
  useShortcut('h', 'Go to the projects list', () => void navigate('/'));
  // Open with the scope it starts in: everything, or only the project the user is in.
  const [searching, setSearching] = useState<'everywhere' | 'project' | null>(null);
  const [helping, setHelping] = useState(false);
  useShortcut('?', 'Show keyboard shortcuts', () => setHelping(true));
  useChordShortcut('k', 'Search everything', () => setSearching('everywhere'));
  const matched = useMatch('/projects/:project/*')?.params.project;
  const inProject = matched && matched !== 'new' ? matched : undefined;
  // In a project `/` searches it (the palette, scoped to it); page filters have their own keys.
  useShortcut(
    '/',
    `Search in ${inProject ?? 'this project'}`,
    () => setSearching('project'),
    inProject !== undefined,
  );
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <AppBar position="static" component="header" enableColorOnDark>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Link
            component={RouterLink}
            to="/"
            color="inherit"
            underline="none"
            variant="h6"
            sx={{ flexGrow: 1 }}
          >
            Wharf
          </Link>
          <IconButton
            color="inherit"
            aria-label="Search everything (Ctrl K)"
            onClick={() => setSearching('everywhere')}
          >
            <span aria-hidden="true">⌕</span>
          </IconButton>
          <Link component={RouterLink} to="/attention" color="inherit">
            Needs attention
          </Link>
          <ProjectAccessLink />
          <LiveChip />
          <Suspense fallback={null}>
            <ConnectionChip />
          </Suspense>
          <IconButton
            color="inherit"
            aria-label="Keyboard shortcuts (?)"
            onClick={() => setHelping(true)}
          >
            <span aria-hidden="true">⌨</span>
          </IconButton>
          <ColorSchemeToggle />
          <Suspense fallback={null}>
            <UserMenu />
          </Suspense>
        </Toolbar>
        {navigation.state === 'loading' && <LinearProgress aria-label="Loading screen" />}
      </AppBar>
      <UpdateNotice />
      <Suspense fallback={null}>
        <ClusterNotice />
      </Suspense>
      <Box
        component="main"
        sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
      >
        <Suspense fallback={<LinearProgress aria-label="Loading" />}>
          <Outlet />
        </Suspense>
      </Box>
      {helping && (
        <Suspense fallback={null}>
          <ShortcutHelp onClose={() => setHelping(false)} />
        </Suspense>
      )}
      {searching && (
        <Suspense fallback={null}>
          <CommandPalette
            onClose={() => setSearching(null)}
            project={inProject}
            onlyInProject={searching === 'project'}
          />
        </Suspense>
      )}
    </Box>
  );
}
