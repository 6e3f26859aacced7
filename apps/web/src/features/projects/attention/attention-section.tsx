import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { ATTENTION_KINDS } from '@wharf/shared';
import { startTransition, useEffect, useState } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { useAttentionLive } from '@/lib/live/use-attention-live';
import { useSearchParam } from '@/lib/use-search-param';
import { ActivityFeed } from './activity-feed';
import { AttentionFilter } from './attention-filter';
import { AttentionList } from './attention-list';
import { KIND_LABEL, parseFilter } from './attention-kinds';

const KIND_OPTIONS = ATTENTION_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }));

/** How many items the home page shows before "see all". */
const HOME_LIMIT = 10;
/** The page shows this many at first, then more on request (each shown project asks capabilities). */
const PAGE_STEP = 50;
/**
 * Rows in the render that first shows the snapshot (more than a screen holds); the rest follow
 * right after in a transition, so the first paint does not wait for rows below the fold.
 */
const FIRST_ROWS = 15;

/** False until the snapshot has been painted once, then true (set in a transition). */
function usePaintedOnce(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (ready && !painted) startTransition(() => setPainted(true));
  }, [ready, painted]);
  return painted;
}

/**
 * What needs attention across every project the user may see, live, filtered by project and
 * kind from the URL. `page` shows every item and the activity feed; the home page shows the
 * first few and links to the page with the same filter.
 */
export function AttentionSection({ page = false }: { page?: boolean }) {
  const live = useAttentionLive();
  const [params] = useSearchParams();
  const [project, setProject] = useSearchParam('project');
  const [kind, setKind] = useSearchParam('kind');
  const filter = parseFilter(params);
  const all = live.data?.items ?? [];
  const items = all.filter(
    (i) =>
      (!filter.projects || filter.projects.has(i.project)) &&
      (!filter.kinds || filter.kinds.has(i.kind)),
  );
  const [pageLimit, setPageLimit] = useState(PAGE_STEP);
  const shown = items.slice(0, page ? pageLimit : HOME_LIMIT);
  const draw = usePaintedOnce(live.data !== undefined) ? undefined : FIRST_ROWS;
  const Heading = page ? 'h1' : 'h2';
  return (
    <Box component="section" aria-labelledby="attention-heading" sx={{ mb: 3 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, mb: 1, flexWrap: 'wrap' }}>
        <Typography
          id="attention-heading"
          variant={page ? 'h4' : 'h5'}
          component={Heading}
          sx={{ flex: 1 }}
        >
          Needs attention
          {/* Its own box, first painted with the count: the benchmark times that paint (Element
              Timing reports text by its block, hence inline-block). */}
          {live.data && (
            <>
              {' '}
              <span elementtiming="attention-count" style={{ display: 'inline-block' }}>
                ({items.length})
              </span>
            </>
          )}
        </Typography>
        <AttentionFilter
          label="Project"
          value={project}
          allLabel="All projects"
          options={(live.data?.projects ?? []).map((p) => ({ value: p, label: p }))}
          onChange={setProject}
        />
        <AttentionFilter
          label="Kind"
          value={kind}
          allLabel="All kinds"
          options={KIND_OPTIONS}
          onChange={setKind}
        />
      </Stack>
      {live.isError && <Alert severity="error">{live.error.message}</Alert>}
      {live.data && live.data.errors.length > 0 && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          This may be incomplete: {live.data.errors.map((e) => e.message).join(' ')}
        </Alert>
      )}
      {live.isPending && (
        <Skeleton variant="rounded" height={80} aria-label="Loading what needs attention" />
      )}
      {live.data && (
        <Box
          sx={
            page ? { display: 'grid', gap: 3, gridTemplateColumns: { md: '2fr 1fr' } } : undefined
          }
        >
          <Box>
            <AttentionList
              items={shown}
              draw={draw}
              label="Needs attention"
              emptyText={
                all.length === 0
                  ? `Nothing needs attention in the ${live.data.projects.length} projects you may see.`
                  : 'Nothing matches this filter.'
              }
            />
            {page && items.length > shown.length && (
              <Button sx={{ mt: 1 }} onClick={() => setPageLimit((n) => n + PAGE_STEP)}>
                Show {Math.min(PAGE_STEP, items.length - shown.length)} more of{' '}
                {items.length - shown.length}
              </Button>
            )}
            {!page && items.length > shown.length && (
              <Link
                component={RouterLink}
                to={`/attention?${params.toString()}`}
                sx={{ display: 'inline-block', mt: 1 }}
              >
                See all {items.length}
              </Link>
            )}
            {!page && (
              <Link
                component={RouterLink}
                to="/attention"
                sx={{ display: 'inline-block', mt: 1, ml: 2 }}
              >
                Recent activity
              </Link>
            )}
          </Box>
          {page && (
            <Box component="section" aria-labelledby="activity-heading">
              <Typography id="activity-heading" variant="h6" component="h2" gutterBottom>
                Recent activity
              </Typography>
              <ActivityFeed
                events={live.data.activity.filter(
                  (e) => !filter.projects || filter.projects.has(e.project),
                )}
              />
            </Box>
          )}
        </Box>
      )}
    </Box>
  );
}
