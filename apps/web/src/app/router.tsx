import type { QueryClient } from '@tanstack/react-query';
import {
  createBrowserRouter,
  type LoaderFunctionArgs,
  type ShouldRevalidateFunctionArgs,
} from 'react-router';
import { attentionQuery } from '@/lib/api/attention';
import { basePath } from '@/lib/base-path';
import { whenIdle } from '@/lib/when-idle';
import { Shell } from './shell';

// Every screen is its own chunk: the first screen only loads the shell plus what it shows.
const projects = () =>
  import('@/features/projects/projects-page').then((m) => ({ Component: m.ProjectsPage }));
const project = () =>
  import('@/features/project/project-page').then((m) => ({ Component: m.ProjectPage }));
const editObject = () =>
  import('@/features/authoring/edit-object-page').then((m) => ({ Component: m.EditObjectPage }));

// Loaders only start a screen's first reads, in parallel with loading the screen's code rather
// than after it rendered; they resolve at once, so nothing waits on them. Each read's module is a
// chunk the screen loads anyway. A query already held is not asked again.
/** Asked again only when the project changes, not on every search-param or drawer change. */
const sameProject = ({ currentParams, nextParams }: ShouldRevalidateFunctionArgs) =>
  currentParams.project !== nextParams.project;

export function createRouter(queryClient: QueryClient) {
  const projectLoader = ({ params }: LoaderFunctionArgs) => {
    const name = params.project;
    if (!name) return null;
    void import('@/lib/live/use-project-live').then((m) =>
      queryClient.prefetchQuery(m.projectLiveQuery(name)),
    );
    // Capabilities are asked once the project's access room is joined, so no change to them
    // can fall between the answer and the room's first push (and the page need not ask twice).
    void Promise.all([import('@/lib/live/access-room'), import('@/lib/api/capabilities')]).then(
      ([room, api]) => {
        void room.joinAccessRoom(name).catch(() => undefined);
        return queryClient.prefetchQuery(api.capabilitiesQuery(name));
      },
    );
    return null;
  };
  const attentionLoader = () => {
    void queryClient.prefetchQuery(attentionQuery());
    return null;
  };
  const homeLoader = () => {
    void import('@/lib/live/use-projects-live').then((m) =>
      queryClient.prefetchQuery(m.projectsLiveQuery()),
    );
    attentionLoader();
    // The next screen is most often a project: load its code while the user reads the list.
    whenIdle(() => void project());
    return null;
  };
  const home = { lazy: projects, loader: homeLoader, shouldRevalidate: () => false };
  const projectRoute = { lazy: project, loader: projectLoader, shouldRevalidate: sameProject };
  return createBrowserRouter(
    [
      {
        path: '/login',
        lazy: () => import('@/features/auth/login-page').then((m) => ({ Component: m.LoginPage })),
      },
      {
        Component: Shell,
        HydrateFallback: () => null,
        children: [
          { index: true, ...home },
          { path: 'projects', ...home },
          {
            path: 'attention',
            loader: attentionLoader,
            shouldRevalidate: () => false,
            lazy: () =>
              import('@/features/projects/attention/attention-page').then((m) => ({
                Component: m.AttentionPage,
              })),
          },
          {
            path: 'projects/:project/events',
            lazy: () =>
              import('@/features/events/events-page').then((m) => ({ Component: m.EventsPage })),
          },
          {
            path: 'projects/:project/matrix',
            lazy: () =>
              import('@/features/project/matrix-page').then((m) => ({ Component: m.MatrixPage })),
          },
          {
            path: 'projects/:project/compare',
            lazy: () =>
              import('@/features/project/compare/compare-page').then((m) => ({
                Component: m.ComparePage,
              })),
          },
          {
            path: 'projects/:project/settings/access/*',
            lazy: () =>
              import('@/features/access/access-page').then((m) => ({ Component: m.AccessPage })),
          },
          {
            path: 'projects/new',
            lazy: () =>
              import('@/features/authoring/wizard/wizard-page').then((m) => ({
                Component: m.WizardPage,
              })),
          },
          {
            path: 'projects/:project/settings',
            lazy: () =>
              import('@/features/authoring/project-settings-page').then((m) => ({
                Component: m.ProjectSettingsPage,
              })),
          },
          { path: 'projects/:project/edit/:resource/:name', lazy: editObject },
          { path: 'projects/:project/create/:resource', lazy: editObject },
          {
            path: 'settings',
            lazy: () =>
              import('@/features/authoring/cluster-settings-page').then((m) => ({
                Component: m.ClusterSettingsPage,
              })),
          },
          { path: 'settings/edit/:resource/:name', lazy: editObject },
          { path: 'settings/create/:resource', lazy: editObject },
          { path: 'projects/:project', ...projectRoute },
          { path: 'projects/:project/:kind/:name', ...projectRoute },
        ],
      },
    ],
    { basename: basePath() || '/' },
  );
}
