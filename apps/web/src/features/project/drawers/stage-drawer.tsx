import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery } from '@tanstack/react-query';
import { isTerminalVerificationPhase } from '@wharf/shared';
import type { RoomStageView } from '@wharf/shared/api';
import { useMemo, useState } from 'react';
import { Link as RouterLink, useNavigate } from 'react-router';
import { abortVerification, refreshStage, reverify } from '@/lib/api/actions';
import { projectDecision, stageDecision } from '@/lib/api/capabilities';
import { stageQuery } from '@/lib/api/project';
import { DeleteDialog } from '@/lib/authoring/delete-dialog';
import { comparePath } from '@/lib/compare-path';
import { displayName, summarize } from '@/lib/freight';
import { useFreightByNames } from '@/lib/live/freight-window';
import { useStagePromotions } from '@/lib/live/promotion-window';
import { formatAge } from '@/lib/time';
import { useSearchParam } from '@/lib/use-search-param';
import { ArgoCdApps } from '../argocd-apps';
import { GuardedButton } from '@/lib/guarded-button';
import {
  healthColor,
  phaseColor,
  promotionPhaseColor,
  verificationPhaseColor,
} from '../phase-style';
import { useProject, useProjectState } from '../project-context';
import { useCapabilities } from '../capabilities-store';
import { ConditionsTable } from './conditions-table';
import { DownstreamDialog } from './downstream-dialog';
import { DrawerFrame } from './drawer-frame';
import { LiveManifest } from './live-manifest';
import { VerificationTab } from './verification-tab';

function Overview({ stage }: { stage: RoomStageView }) {
  const [, setTab] = useSearchParam('tab');
  const v = stage.verification;
  return (
    <Stack sx={{ gap: 2 }}>
      {stage.health.issues.length > 0 && (
        <Alert severity="warning">{stage.health.issues.join('; ')}</Alert>
      )}
      <Typography variant="subtitle2" component="h3">
        Current freight
      </Typography>
      {stage.controlFlow ? (
        <p>
          None: a control-flow stage has no promotion steps. Kargo refuses promotions to it and
          marks freight verified here once it is available from{' '}
          {stage.requestedFreight
            .flatMap((r) => (r.direct ? [r.origin.name] : r.upstreamStages))
            .join(', ')}
          .
        </p>
      ) : stage.currentFreight.length === 0 ? (
        <p>None yet: promote freight into this stage.</p>
      ) : (
        stage.currentFreight.map((f) => (
          <div key={f.name}>
            {stage.requestedFreight.length > 1 ? `${f.origin.name}: ` : ''}
            {displayName(f)} · {summarize(f)}
          </div>
        ))
      )}
      {!stage.controlFlow && (
        <>
          <Typography variant="subtitle2" component="h3">
            Verification
          </Typography>
          {v ? (
            <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <Chip size="small" label={v.phase} color={verificationPhaseColor(v.phase)} />
              <span>
                {v.analysisRun ? `AnalysisRun ${v.analysisRun.name}` : 'No analysis'} · started{' '}
                {formatAge(v.startTime)} ago{v.actor ? ` by ${v.actor}` : ''}
                {v.message ? ` · ${v.message}` : ''}
              </span>
              <Link component="button" onClick={() => setTab('verifications')}>
                All verifications
              </Link>
            </Stack>
          ) : (
            <p>
              {stage.verificationConfigured
                ? 'No verification has run for the current freight.'
                : 'No verification configured: freight counts as verified once healthy.'}
            </p>
          )}
        </>
      )}
      {stage.autoPromotion.holds.length > 0 && (
        <Alert severity="info">
          Auto-promotion is held for{' '}
          {stage.autoPromotion.holds
            .map((h) => `${h.origin} (by ${h.actor ?? 'unknown'})`)
            .join(', ')}
          . Promoting by origin releases it.
        </Alert>
      )}
      <Typography variant="subtitle2" component="h3">
        Conditions
      </Typography>
      <StageConditions stage={stage} />
    </Stack>
  );
}

/** The stage's conditions, from its whole view (the room's view leaves them out). */
function StageConditions({ stage }: { stage: RoomStageView }) {
  const { project } = useProject();
  const q = useQuery(stageQuery(project, stage.name, stage.resourceVersion));
  if (q.data) return <ConditionsTable conditions={q.data.conditions} />;
  return <LoadState what="conditions" loading={q.isPending} error={q.error} />;
}

/** Whether a stage's promotions are still loading or could not be loaded (shown above a list). */
function LoadState({
  what,
  loading,
  error,
}: {
  what: string;
  loading: boolean;
  error: Error | null;
}) {
  if (error) return <Alert severity="error">{`Could not load ${what}: ${error.message}`}</Alert>;
  if (loading) return <LinearProgress aria-label={`Loading ${what}`} />;
  return null;
}

function Promotions({ stage }: { stage: RoomStageView }) {
  const state = useProjectState();
  const { open } = useProject();
  const { items: promotions, loading, error } = useStagePromotions(state, stage.name);
  const status = <LoadState what="promotions" loading={loading} error={error} />;
  if (promotions.length === 0) return loading || error ? status : <p>No promotions yet.</p>;
  return (
    <>
      {status}
      <List dense aria-label="Promotions">
        {promotions.map((p) => (
          <ListItem
            key={p.name}
            secondaryAction={
              <Chip size="small" label={p.phase} color={promotionPhaseColor(p.phase)} />
            }
          >
            <ListItemText
              primary={
                <Link component="button" onClick={() => open('promotions', p.name)}>
                  {p.freightAlias ?? p.freight ?? p.name}
                </Link>
              }
              secondary={`${formatAge(p.createdAt)} ago${p.actor ? ` by ${p.actor}` : ''}`}
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}

/** Freight this stage held, from its succeeded promotions; re-promoting an older one is a rollback. */
function History({ stage }: { stage: RoomStageView }) {
  const state = useProjectState();
  const { project, startPromote } = useProject();
  const caps = useCapabilities();
  const decision = stageDecision(caps, stage.name, 'promote');
  const current = new Set(stage.currentFreight.map((f) => f.name));
  /** What the stage holds now from a warehouse (alias or name): B when comparing an older freight. */
  const currentFrom = (origin: string) => {
    const held = stage.currentFreight.find((c) => c.origin.name === origin);
    return held && (held.alias ?? held.name);
  };
  const promotions = useStagePromotions(state, stage.name);
  const history = useMemo(() => {
    const seen = new Set<string>();
    return promotions.items
      .filter((p) => p.phase === 'Succeeded' && p.freight)
      .filter((p) => (p.freight && !seen.has(p.freight) ? (seen.add(p.freight), true) : false));
  }, [promotions.items]);
  const freight = useFreightByNames(
    state,
    history.flatMap((p) => (p.freight ? [p.freight] : [])),
  );
  const status = (
    <LoadState what="freight history" loading={promotions.loading} error={promotions.error} />
  );
  if (history.length === 0)
    return promotions.loading || promotions.error ? (
      status
    ) : (
      <p>No freight has been promoted here yet.</p>
    );
  return (
    <>
      {status}
      <List dense aria-label="Freight history">
        {history.map((p) => {
          const f = p.freight ? freight.get(p.freight) : undefined;
          const gone = p.freight !== undefined && freight.missing.includes(p.freight);
          const isCurrent = p.freight !== undefined && current.has(p.freight);
          return (
            <ListItem
              key={p.name}
              secondaryAction={
                isCurrent ? (
                  <Chip size="small" label="Current" />
                ) : (
                  <Stack direction="row" sx={{ gap: 0.5, alignItems: 'center' }}>
                    {f && currentFrom(f.origin.name) !== undefined && (
                      <Button
                        size="small"
                        component={RouterLink}
                        to={comparePath(project, {
                          a: p.freightAlias ?? p.freight,
                          b: currentFrom(f.origin.name),
                        })}
                        aria-label={`Compare ${p.freightAlias ?? p.freight ?? ''} with the current freight`}
                      >
                        Compare
                      </Button>
                    )}
                    <GuardedButton
                      decision={
                        gone
                          ? { allowed: false, reason: 'This freight no longer exists.' }
                          : decision
                      }
                      onClick={() => p.freight && startPromote(stage.name, p.freight)}
                      aria-label={`Roll back to ${p.freightAlias ?? p.freight ?? ''}`}
                    >
                      Roll back
                    </GuardedButton>
                  </Stack>
                )
              }
            >
              <ListItemText
                primary={p.freightAlias ?? p.freight}
                secondary={`${f ? summarize(f) : gone ? 'deleted' : '…'} · promoted ${formatAge(p.finishedAt)} ago`}
              />
            </ListItem>
          );
        })}
      </List>
    </>
  );
}

export function StageDrawer({ stage, onClose }: { stage: RoomStageView; onClose: () => void }) {
  const { project, startPromote } = useProject();
  const caps = useCapabilities();
  const navigate = useNavigate();
  const [downstream, setDownstream] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const refresh = useMutation({ mutationFn: () => refreshStage(project, stage.name) });
  const verify = useMutation({ mutationFn: () => reverify(project, stage.name) });
  const abortVerify = useMutation({ mutationFn: () => abortVerification(project, stage.name) });
  const verifying =
    stage.verification !== undefined && !isTerminalVerificationPhase(stage.verification.phase);
  const d = (a: Parameters<typeof stageDecision>[2]) => stageDecision(caps, stage.name, a);
  return (
    <>
      {deleting && (
        <DeleteDialog
          target={{ resource: 'stages', project, name: stage.name }}
          onClose={() => setDeleting(false)}
          onDeleted={onClose}
        />
      )}
      {downstream && stage.currentFreight.length > 0 && (
        <DownstreamDialog
          stage={stage.name}
          freight={stage.currentFreight}
          onClose={() => setDownstream(false)}
        />
      )}
      <DrawerFrame
        title={`Stage ${stage.name}`}
        subtitle={
          <Stack direction="row" sx={{ gap: 1, mt: 0.5, flexWrap: 'wrap' }}>
            {stage.controlFlow ? (
              <Chip size="small" variant="outlined" label="Control flow: no promotion steps" />
            ) : (
              <>
                <Chip size="small" label={stage.phase} color={phaseColor[stage.phase]} />
                <Chip
                  size="small"
                  variant="outlined"
                  label={`Health: ${stage.health.status}`}
                  color={healthColor[stage.health.status]}
                />
              </>
            )}
            {stage.autoPromotion.enabled && <Chip size="small" label="Auto-promotion" />}
            <ArgoCdApps apps={stage.argocdApps} />
          </Stack>
        }
        onClose={onClose}
        actions={
          <>
            <GuardedButton
              decision={d('promote')}
              variant="contained"
              onClick={() => startPromote(stage.name)}
            >
              Promote
            </GuardedButton>
            <GuardedButton
              decision={
                stage.currentFreight.length
                  ? d('promoteDownstream')
                  : { allowed: false, reason: 'No freight here yet.' }
              }
              onClick={() => setDownstream(true)}
            >
              {stage.currentFreight.length > 1 ? 'Promote all downstream' : 'Promote downstream'}
            </GuardedButton>
            <GuardedButton
              decision={d('refresh')}
              disabled={refresh.isPending || stage.refresh.pending}
              onClick={() => refresh.mutate()}
            >
              {stage.refresh.pending ? 'Refreshing…' : 'Refresh'}
            </GuardedButton>
            <GuardedButton
              decision={d('reverify')}
              disabled={verify.isPending || verifying || stage.currentFreight.length === 0}
              onClick={() => verify.mutate()}
            >
              Reverify
            </GuardedButton>
            <GuardedButton
              decision={projectDecision(caps, 'updateStage')}
              onClick={() =>
                void navigate(
                  `/projects/${encodeURIComponent(project)}/edit/stages/${encodeURIComponent(stage.name)}`,
                )
              }
            >
              Edit
            </GuardedButton>
            <GuardedButton decision={d('delete')} color="error" onClick={() => setDeleting(true)}>
              Delete
            </GuardedButton>
            {verifying && (
              <GuardedButton
                decision={d('abortVerification')}
                color="warning"
                disabled={abortVerify.isPending}
                onClick={() => abortVerify.mutate()}
              >
                Abort verification
              </GuardedButton>
            )}
          </>
        }
        tabs={[
          { id: 'overview', label: 'Overview', render: () => <Overview stage={stage} /> },
          {
            id: 'verifications',
            label: 'Verifications',
            render: () => <VerificationTab stage={stage} />,
          },
          { id: 'history', label: 'Freight history', render: () => <History stage={stage} /> },
          { id: 'promotions', label: 'Promotions', render: () => <Promotions stage={stage} /> },
          {
            id: 'yaml',
            label: 'Live manifest',
            render: () => <LiveManifest project={project} resource="stages" name={stage.name} />,
          },
        ]}
      />
    </>
  );
}
