import { createBrowserRouter } from 'react-router';
import { basePath } from '@/lib/base-path';
import { Shell } from './shell';

// Every screen is its own chunk: the first screen only loads the shell plus what it shows.
const projects = () =>
  import('@/features/projects/projects-page').then((m) => ({ Component: m.ProjectsPage }));
const project = () =>
  import('@/features/project/project-page').then((m) => ({ Component: m.ProjectPage }));
const editObject = () =>
  import('@/features/authoring/edit-object-page').then((m) => ({ Component: m.EditObjectPage }));

export function createRouter() {
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
          { index: true, lazy: projects },
          { path: 'projects', lazy: projects },
          {
            path: 'attention',
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
          { path: 'projects/:project', lazy: project },
          { path: 'projects/:project/:kind/:name', lazy: project },
        ],
      },
    ],
    { basename: basePath() || '/' },
  );
}
