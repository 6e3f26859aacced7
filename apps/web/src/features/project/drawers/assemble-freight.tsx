import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Radio from '@mui/material/Radio';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery } from '@tanstack/react-query';
import { freightAssemblyProblems, freightName } from '@wharf/shared';
import type { WarehouseView } from '@wharf/shared/api';
import { useMemo, useState } from 'react';
import { createFreight } from '@/lib/api/actions';
import { discoveredArtifactsQuery } from '@/lib/api/project';
import { projectDecision } from '@/lib/api/capabilities';
import { useFreightByNames } from '@/lib/live/freight-window';
import { useSearchParam } from '@/lib/use-search-param';
import { formatAge } from '@/lib/time';
import { GuardedButton } from '@/lib/guarded-button';
import { useProject, useProjectState } from '../project-context';
import { useCapabilities } from '../capabilities-store';
import {
  asRepoSubscriptions,
  assemblyOptions,
  initialPicks,
  pickedArtifacts,
  type SubscriptionOptions,
} from './assembly-options';

const shortDigest = (d: string | undefined) => (d ? d.replace(/^sha256:/, '').slice(0, 12) : '');

function OptionsTable({
  sub,
  picked,
  onPick,
}: {
  sub: SubscriptionOptions;
  picked: string | undefined;
  onPick: (id: string) => void;
}) {
  const headingId = `assemble-${sub.key}`;
  return (
    <Stack sx={{ gap: 0.5 }}>
      <Typography variant="subtitle2" component="h3" id={headingId}>
        {sub.label}
      </Typography>
      {sub.options.length === 0 ? (
        <Alert severity="info">Nothing discovered yet for this subscription.</Alert>
      ) : (
        <Table size="small" aria-labelledby={headingId} role="radiogroup">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox" />
              <TableCell>{sub.kind === 'git' ? 'Commit' : 'Version'}</TableCell>
              {sub.kind !== 'chart' && (
                <TableCell>{sub.kind === 'git' ? 'ID' : 'Digest'}</TableCell>
              )}
              {sub.kind !== 'chart' && <TableCell>Created</TableCell>}
              <TableCell>Source</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sub.options.map((o) => (
              <TableRow
                key={o.id}
                hover
                selected={picked === o.id}
                onClick={() => onPick(o.id)}
                sx={{ cursor: 'pointer' }}
              >
                <TableCell padding="checkbox">
                  <Radio
                    checked={picked === o.id}
                    onChange={() => onPick(o.id)}
                    slotProps={{ input: { 'aria-label': `${sub.label} ${o.version}` } }}
                  />
                </TableCell>
                <TableCell>{o.version}</TableCell>
                {sub.kind !== 'chart' && (
                  <TableCell title={o.digest} sx={{ fontFamily: 'monospace' }}>
                    {shortDigest(o.digest)}
                  </TableCell>
                )}
                {sub.kind !== 'chart' && (
                  <TableCell title={o.createdAt}>
                    {o.createdAt ? `${formatAge(o.createdAt)} ago` : ''}
                  </TableCell>
                )}
                <TableCell>{o.source}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}

/**
 * Kargo's "assemble freight": one version per subscription from what the warehouse discovered
 * (or from a freight being cloned, `?clone=`), then Create. The tables show the warehouse's
 * `status.discoveredArtifacts`, re-read whenever the warehouse changes.
 */
export function AssembleFreight({ warehouse }: { warehouse: WarehouseView }) {
  const { project, open } = useProject();
  const caps = useCapabilities();
  const state = useProjectState();
  const [cloneName] = useSearchParam('clone');
  // The page holds only some freight: names it does not hold are asked for.
  const clone = useFreightByNames(state, cloneName ? [cloneName] : []).get(cloneName);
  const found = useQuery(
    discoveredArtifactsQuery(project, warehouse.name, warehouse.resourceVersion),
  );
  const subs = useMemo(
    () => (found.data ? assemblyOptions(warehouse.subscriptions, found.data, clone) : []),
    [warehouse.subscriptions, found.data, clone],
  );
  const [picks, setPicks] = useState<Record<string, string>>({});
  const [alias, setAlias] = useState('');
  const defaults = useMemo(() => initialPicks(subs, clone), [subs, clone]);
  const chosen = { ...defaults, ...picks };
  const artifacts = pickedArtifacts(subs, chosen);
  const problems = found.data
    ? freightAssemblyProblems(
        warehouse.name,
        asRepoSubscriptions(warehouse.subscriptions),
        artifacts,
      )
    : [];
  // Kargo names freight after its artifacts: the same pick is a freight that already exists.
  const candidate = problems.length ? '' : freightName(warehouse.name, artifacts);
  const existing = useFreightByNames(state, candidate ? [candidate] : []).get(candidate);
  if (existing)
    problems.push(`freight ${existing.alias ?? existing.name} already holds these versions`);
  const create = useMutation({
    mutationFn: () =>
      createFreight(project, warehouse.name, {
        ...artifacts,
        ...(alias ? { alias } : {}),
      }),
    meta: { quiet: true },
    onSuccess: (r) => open('freight', r.freight.name),
  });
  if (found.isPending) return <LinearProgress aria-label="Loading discovered artifacts" />;
  if (found.isError) return <Alert severity="error">{found.error.message}</Alert>;
  const allowed = projectDecision(caps, 'createFreight');
  const decision = !allowed.allowed
    ? allowed
    : problems.length
      ? { allowed: false as const, reason: problems.join('; ') }
      : allowed;
  return (
    <Stack sx={{ gap: 2 }} component="section" aria-label="Assemble freight">
      <Typography variant="body2" color="text.secondary">
        {clone
          ? `Starting from freight ${clone.alias ?? clone.name}. Pick one version of each subscription.`
          : 'Pick one version of each subscription; Kargo names the freight after what it holds.'}
      </Typography>
      {subs.map((s) => (
        <OptionsTable
          key={s.key}
          sub={s}
          picked={chosen[s.key]}
          onPick={(id) => setPicks((p) => ({ ...p, [s.key]: id }))}
        />
      ))}
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
        <TextField
          size="small"
          label="Alias (optional)"
          value={alias}
          onChange={(e) => setAlias(e.target.value.toLowerCase())}
        />
        <GuardedButton
          decision={decision}
          variant="contained"
          disabled={create.isPending}
          onClick={() => create.mutate()}
        >
          Create freight
        </GuardedButton>
      </Stack>
      {problems.length > 0 && <Alert severity="info">{problems.join('; ')}</Alert>}
      {create.isError && <Alert severity="error">{create.error.message}</Alert>}
    </Stack>
  );
}
