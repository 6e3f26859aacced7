import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { diffFreight } from '@wharf/shared';
import type { FreightListItem } from '@wharf/shared/api';
import { useEffect, useRef } from 'react';
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from 'react-router';
import { freightQuery, freightPageQuery } from '@/lib/api/project';
import { comparePath } from '@/lib/compare-path';
import { displayName } from '@/lib/freight';
import { formatAge } from '@/lib/time';
import { ArtifactDiffTable } from '../artifact-diff-table';
import { FreightChoice } from './freight-choice';

function Described({ freight, side }: { freight: FreightListItem; side: 'A' | 'B' }) {
  return (
    <Typography variant="body2">
      <strong>{side}</strong>: {displayName(freight)} ({freight.name.slice(0, 7)}) from{' '}
      {freight.origin.name}, discovered {formatAge(freight.discoveredAt ?? freight.createdAt)} ago
      {freight.currentlyIn.length > 0 &&
        ` · in ${freight.currentlyIn.map((c) => c.stage).join(', ')}`}
    </Typography>
  );
}

/** The freight discovered just before `freight` from its warehouse, among its newest 100. */
function usePreviousFreight(project: string, freight: FreightListItem | undefined) {
  const origin = freight?.origin.name ?? '';
  const list = useQuery({ ...freightPageQuery(project, { origin }), enabled: origin !== '' });
  const items = list.data?.items ?? [];
  const at = items.findIndex((f) => f.name === freight?.name);
  return at >= 0 ? items[at + 1] : undefined;
}

/**
 * /projects/:project/compare?a=&b=: any two freight of a project side by side, artifact by
 * artifact (image tags and digests, chart versions, commits with their messages and the forge's
 * compare page). Both choices live in the URL, so a comparison can be shared.
 */
export function ComparePage() {
  const { project = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const set = (key: 'a' | 'b', value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const left = useQuery({ ...freightQuery(project, a), enabled: a !== '' });
  const right = useQuery({ ...freightQuery(project, b), enabled: b !== '' });
  const proposed = usePreviousFreight(project, a === '' ? right.data : undefined);
  // Only B was given ("Compare with…"): A is what came before it, once per B (a user who clears
  // A then picks their own).
  const proposedFor = useRef<string>(undefined);
  useEffect(() => {
    if (a !== '' || !proposed || proposedFor.current === b) return;
    proposedFor.current = b;
    void navigate(comparePath(project, { a: proposed.alias ?? proposed.name, b }), {
      replace: true,
    });
  });
  const base = `/projects/${encodeURIComponent(project)}`;
  const rows = left.data && right.data ? diffFreight(left.data, right.data) : undefined;
  const changed = rows?.filter((r) => r.change !== 'UNCHANGED').length ?? 0;
  return (
    <Box sx={{ p: 3, overflow: 'auto' }}>
      <Typography variant="h4" component="h1" gutterBottom>
        Compare freight in <RouterLink to={base}>{project}</RouterLink>
      </Typography>
      <Stack direction="row" sx={{ gap: 2, mb: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <FreightChoice
          project={project}
          label="Freight A"
          value={a}
          onChange={(v) => set('a', v)}
        />
        <Button
          onClick={() =>
            setParams(
              (prev) => {
                const next = new URLSearchParams(prev);
                next.set('a', b);
                next.set('b', a);
                return next;
              },
              { replace: true },
            )
          }
          disabled={!a || !b}
        >
          Swap
        </Button>
        <FreightChoice
          project={project}
          label="Freight B"
          value={b}
          onChange={(v) => set('b', v)}
        />
      </Stack>
      {(left.isFetching || right.isFetching) && <LinearProgress aria-label="Loading freight" />}
      {left.isError && <Alert severity="error">A: {left.error.message}</Alert>}
      {right.isError && <Alert severity="error">B: {right.error.message}</Alert>}
      {(!a || !b) && (
        <Alert severity="info">
          Pick two freight of this project, from any warehouse, to see what differs between them.
        </Alert>
      )}
      {left.data && right.data && rows && (
        <Stack sx={{ gap: 1 }}>
          <Described freight={left.data} side="A" />
          <Described freight={right.data} side="B" />
          <Typography role="status">
            {changed === 0
              ? 'A and B carry the same artifacts.'
              : `${changed} of ${rows.length} artifacts differ.`}
          </Typography>
          <ArtifactDiffTable rows={rows} mode="compare" />
        </Stack>
      )}
    </Box>
  );
}
