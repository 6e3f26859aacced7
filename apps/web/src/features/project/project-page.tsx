import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { capabilitiesQuery } from '@/lib/api/capabilities';
import { originColors } from '@/lib/graph/pipeline-graph';
import { useAccessChanges } from '@/lib/live/use-access-changes';
import { useProjectLive } from '@/lib/live/use-project-live';
import { createCapabilitiesStore, type CapabilitiesStore } from './capabilities-store';
import { ProjectDrawer } from './drawers/project-drawer';
import { FreightTimeline } from './freight-timeline';
import { GraphView } from './graph-view';
import { ProjectContext, ProjectStateContext, type ProjectContextValue } from './project-context';
import { ProjectToolbar } from './project-toolbar';
import { PromoteDialog } from './promote-dialog';
import { StageList } from './stage-list';

const without = (params: URLSearchParams, ...keys: string[]) => {
  const next = new URLSearchParams(params);
  keys.forEach((k) => next.delete(k));
  const s = next.toString();
  return s ? `?${s}` : '';
};

/** Feeds the capabilities into their store; the page itself does not re-render when they change. */
function CapabilitiesFeed({ project, store }: { project: string; store: CapabilitiesStore }) {
  const caps = useQuery(capabilitiesQuery(project)).data;
  useLayoutEffect(() => store.set(caps), [store, caps]);
  return null;
}

export function ProjectPage() {
  const { project = '', kind, name } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const live = useProjectLive(project);
  useAccessChanges(project);
  const queryClient = useQueryClient();
  const capabilities = useMemo(
    () => createCapabilitiesStore(queryClient.getQueryData(capabilitiesQuery(project).queryKey)),
    [project, queryClient],
  );
  const base = `/projects/${encodeURIComponent(project)}`;
  const warehouses = live.data?.warehouses;
  const colors = useMemo(() => originColors([...(warehouses?.keys() ?? [])]), [warehouses]);
  const originColor = useCallback((w: string) => colors.get(w) ?? '#888', [colors]);
  const collapsedParam = params.get('collapsed') ?? '';
  const collapsed = useMemo(
    () => new Set(collapsedParam.split(',').filter(Boolean)),
    [collapsedParam],
  );
  // The actions read the URL when they run, so the context changes only with the project or the
  // colours: opening a drawer or typing a search does not re-render every
  // stage node of the graph.
  const router = useRef({ navigate, params, setParams, base });
  useLayoutEffect(() => {
    router.current = { navigate, params, setParams, base };
  });
  const ctx = useMemo<ProjectContextValue>(
    () => ({
      project,
      capabilities,
      originColor,
      open: (k, n) => {
        const r = router.current;
        void r.navigate(
          `${r.base}/${k}/${encodeURIComponent(n)}${without(r.params, 'tab', 'clone')}`,
        );
      },
      startPromote: (stage, freight) =>
        router.current.setParams((prev) => {
          const next = new URLSearchParams(prev);
          next.set('promote', stage);
          if (freight) next.set('freight', freight);
          else next.delete('freight');
          return next;
        }),
      toggleCollapse: (stage) =>
        router.current.setParams(
          (prev) => {
            const next = new URLSearchParams(prev);
            const set = new Set((prev.get('collapsed') ?? '').split(',').filter(Boolean));
            if (set.has(stage)) set.delete(stage);
            else set.add(stage);
            if (set.size > 0) next.set('collapsed', [...set].sort().join(','));
            else next.delete('collapsed');
            return next;
          },
          { replace: true },
        ),
    }),
    [project, capabilities, originColor],
  );
  // First in every branch, so the capabilities are asked while the snapshot loads.
  const feed = <CapabilitiesFeed project={project} store={capabilities} />;
  if (live.isError)
    return (
      <>
        {feed}
        <Alert severity="error" sx={{ m: 3 }}>
          {live.error.message}
        </Alert>
      </>
    );
  if (!live.data)
    return (
      <>
        {feed}
        <LinearProgress aria-label="Loading project" />
      </>
    );
  const state = live.data;
  const promoteStage = params.get('promote');
  const view = params.get('view') === 'list' ? 'list' : 'graph';
  return (
    <>
      {feed}
      <ProjectContext.Provider value={ctx}>
        <ProjectStateContext.Provider value={state}>
          <ProjectToolbar />
          {state.stages.size === 0 && state.warehouses.size === 0 ? (
            <Alert severity="info" sx={{ m: 3 }}>
              This project has no warehouses or stages yet. Add a warehouse (what to watch), then
              stages (where to promote) with the buttons above, or apply them with kubectl; they
              appear here live.
            </Alert>
          ) : (
            <>
              <FreightTimeline />
              <Box sx={{ flex: 1, minHeight: 0, display: 'flex' }}>
                {view === 'list' ? (
                  <StageList
                    warehouse={params.get('warehouse') ?? ''}
                    search={params.get('q') ?? ''}
                  />
                ) : (
                  <GraphView
                    warehouse={params.get('warehouse') ?? ''}
                    collapsed={collapsed}
                    search={params.get('q') ?? ''}
                  />
                )}
              </Box>
            </>
          )}
          {kind && name && (
            <ProjectDrawer
              kind={kind}
              name={name}
              onClose={() => void navigate(`${base}${without(params, 'tab', 'clone')}`)}
            />
          )}
          {promoteStage && (
            <PromoteDialog
              stage={promoteStage}
              freight={params.get('freight') ?? ''}
              onChooseFreight={(f) =>
                setParams((prev) => {
                  const next = new URLSearchParams(prev);
                  if (f) next.set('freight', f);
                  else next.delete('freight');
                  return next;
                })
              }
              onClose={() =>
                setParams((prev) => new URLSearchParams(without(prev, 'promote', 'freight')))
              }
              onPromoted={(promotion) =>
                void navigate(
                  `${base}/promotions/${encodeURIComponent(promotion)}${without(params, 'promote', 'freight', 'tab')}`,
                )
              }
            />
          )}
        </ProjectStateContext.Provider>
      </ProjectContext.Provider>
    </>
  );
}
