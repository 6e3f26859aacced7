import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation } from '@tanstack/react-query';
import type { FreightView } from '@wharf/shared/api';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { deleteFreight, setAlias } from '@/lib/api/actions';
import { projectDecision } from '@/lib/api/capabilities';
import { displayName } from '@/lib/freight';
import { comparePath } from '@/lib/compare-path';
import { formatAge } from '@/lib/time';
import { GuardedButton } from '@/lib/guarded-button';
import { FreightStageMenu } from '../freight-stage-menu';
import { useProject } from '../project-context';
import { useCapabilities } from '../capabilities-store';
import { DrawerFrame } from './drawer-frame';
import { ConfirmDelete } from './confirm-delete';
import { LiveManifest } from './live-manifest';

function AliasEditor({ freight }: { freight: FreightView }) {
  const { project } = useProject();
  const caps = useCapabilities();
  const saved = freight.alias ?? '';
  const [alias, setValue] = useState(saved);
  // A change from elsewhere shows in the field unless the person is editing it.
  const [seen, setSeen] = useState(saved);
  if (seen !== saved) {
    setSeen(saved);
    if (alias === seen) setValue(saved);
  }
  const field = useRef<HTMLInputElement>(null);
  const mutation = useMutation({
    mutationFn: () => setAlias(project, freight.name, alias),
    meta: { quiet: true },
  });
  const decision = projectDecision(caps, 'aliasFreight');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Save is disabled while it runs and once saved: focus stays in the drawer (Escape closes
    // it) instead of on a disabled button.
    field.current?.focus();
    mutation.mutate();
  };
  return (
    <Stack
      component="form"
      direction="row"
      onSubmit={submit}
      sx={{ gap: 1, alignItems: 'flex-start' }}
    >
      <TextField
        size="small"
        label="Alias"
        inputRef={field}
        value={alias}
        onChange={(e) => setValue(e.target.value)}
        disabled={!decision.allowed}
        error={mutation.isError}
        helperText={
          mutation.isError ? mutation.error.message : decision.allowed ? undefined : decision.reason
        }
      />
      <Button
        type="submit"
        variant="outlined"
        disabled={!decision.allowed || mutation.isPending || alias === saved || alias === ''}
      >
        Save alias
      </Button>
    </Stack>
  );
}

function Artifacts({ freight }: { freight: FreightView }) {
  return (
    <Table size="small" aria-label="Artifacts">
      <TableBody>
        {freight.images.map((i) => (
          <TableRow key={i.repoURL}>
            <TableCell>Image</TableCell>
            <TableCell sx={{ wordBreak: 'break-all' }}>{i.repoURL}</TableCell>
            <TableCell sx={{ wordBreak: 'break-all' }}>{i.tag ?? i.digest}</TableCell>
          </TableRow>
        ))}
        {freight.commits.map((c) => (
          <TableRow key={c.repoURL}>
            <TableCell>Git</TableCell>
            <TableCell sx={{ wordBreak: 'break-all' }}>{c.repoURL}</TableCell>
            <TableCell>
              {c.tag ?? c.id?.slice(0, 7)} {c.message ? `· ${c.message}` : ''}
            </TableCell>
          </TableRow>
        ))}
        {freight.charts.map((c) => (
          <TableRow key={`${c.repoURL}/${c.name ?? ''}`}>
            <TableCell>Chart</TableCell>
            <TableCell sx={{ wordBreak: 'break-all' }}>
              {c.repoURL}
              {c.name ? `/${c.name}` : ''}
            </TableCell>
            <TableCell>{c.version}</TableCell>
          </TableRow>
        ))}
        {freight.artifacts.map((a) => (
          <TableRow key={`artifact:${a.subscriptionName}`}>
            <TableCell>{a.artifactType ? `Artifact (${a.artifactType})` : 'Artifact'}</TableCell>
            <TableCell sx={{ wordBreak: 'break-all' }}>{a.subscriptionName}</TableCell>
            <TableCell>{a.version}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function FreightDrawer({ freight, onClose }: { freight: FreightView; onClose: () => void }) {
  const { project } = useProject();
  const caps = useCapabilities();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [askAnchor, setAskAnchor] = useState<HTMLElement | null>(null);
  const remove = useMutation({
    mutationFn: () => deleteFreight(project, freight.name),
    onSuccess: onClose,
  });
  const inUse = freight.currentlyIn.length > 0;
  const canDelete = inUse
    ? {
        allowed: false as const,
        reason: `In use by ${freight.currentlyIn.map((c) => c.stage).join(', ')}.`,
      }
    : projectDecision(caps, 'deleteFreight');
  return (
    <DrawerFrame
      title={`Freight ${displayName(freight)}`}
      subtitle={`${freight.name} · from ${freight.origin.name} · discovered ${formatAge(freight.discoveredAt ?? freight.createdAt)} ago`}
      onClose={onClose}
      actions={
        <>
          <GuardedButton
            decision={projectDecision(caps, 'requestApproval')}
            onClick={(e) => setAskAnchor(e.currentTarget)}
          >
            Ask for approval…
          </GuardedButton>
          {askAnchor && (
            <FreightStageMenu
              freight={freight}
              action="request-approval"
              anchor={askAnchor}
              onClose={() => setAskAnchor(null)}
            />
          )}
          <Button
            size="small"
            variant="outlined"
            onClick={() =>
              void navigate(comparePath(project, { a: freight.alias ?? freight.name }))
            }
          >
            Compare…
          </Button>
          <GuardedButton
            decision={projectDecision(caps, 'createFreight')}
            onClick={() =>
              void navigate(
                `/projects/${encodeURIComponent(project)}/warehouses/${encodeURIComponent(freight.origin.name)}?tab=assemble&clone=${encodeURIComponent(freight.name)}`,
              )
            }
          >
            Clone
          </GuardedButton>
          <GuardedButton
            decision={canDelete}
            color="error"
            disabled={remove.isPending}
            onClick={() => setConfirming(true)}
          >
            Delete
          </GuardedButton>
          {confirming && (
            <ConfirmDelete
              what={`freight ${displayName(freight)}`}
              consequence="No stage holds it. Kargo forgets it for good; its artifacts stay in their repositories and can be assembled again."
              onCancel={() => setConfirming(false)}
              onConfirm={() => {
                setConfirming(false);
                remove.mutate();
              }}
            />
          )}
        </>
      }
      tabs={[
        {
          id: 'overview',
          label: 'Overview',
          render: () => (
            <Stack sx={{ gap: 2 }}>
              <AliasEditor freight={freight} />
              <Artifacts freight={freight} />
              <Typography variant="subtitle2" component="h3">
                In stages
              </Typography>
              <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
                {inUse
                  ? freight.currentlyIn.map((c) => <Chip key={c.stage} label={c.stage} />)
                  : 'None'}
              </Stack>
              <Typography variant="subtitle2" component="h3">
                Verified in
              </Typography>
              <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
                {freight.verifiedIn.length
                  ? freight.verifiedIn.map((v) => (
                      <Chip key={v.stage} color="success" variant="outlined" label={v.stage} />
                    ))
                  : 'None yet'}
              </Stack>
              <Typography variant="subtitle2" component="h3">
                Approved for
              </Typography>
              <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
                {freight.approvedFor.length
                  ? freight.approvedFor.map((a) => (
                      <Chip key={a.stage} color="info" variant="outlined" label={a.stage} />
                    ))
                  : 'None'}
              </Stack>
              {remove.isError && <Alert severity="error">{remove.error.message}</Alert>}
            </Stack>
          ),
        },
        {
          id: 'yaml',
          label: 'Live manifest',
          render: () => <LiveManifest project={project} resource="freights" name={freight.name} />,
        },
      ]}
    />
  );
}
