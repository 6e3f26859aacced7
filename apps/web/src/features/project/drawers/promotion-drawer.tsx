import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import { useMutation } from '@tanstack/react-query';
import type { PromotionStepView, PromotionView } from '@wharf/shared/api';
import { useEffect, useState } from 'react';
import { abortPromotion } from '@/lib/api/actions';
import { projectDecision, stageDecision } from '@/lib/api/capabilities';
import { formatDuration } from '@/lib/time';
import { GuardedButton } from '@/lib/guarded-button';
import { promotionPhaseColor } from '../phase-style';
import { useProject } from '../project-context';
import { useCapabilities } from '../capabilities-store';
import { DrawerFrame } from './drawer-frame';
import { LiveManifest } from './live-manifest';
import { StepDetails } from './step-details';

const stepIcon = (s: PromotionStepView) =>
  s.status === 'Succeeded'
    ? '✓'
    : s.status === 'Running'
      ? ''
      : s.status === 'Skipped'
        ? '↷'
        : s.status
          ? '✗'
          : '○';

function Steps({ promotion, now }: { promotion: PromotionView; now: number }) {
  if (promotion.steps.length === 0)
    return (
      <p>
        {promotion.phase === 'Pending'
          ? 'Waiting to start: the stage runs one promotion at a time.'
          : 'This promotion has no steps.'}
      </p>
    );
  return (
    <List dense aria-label="Steps">
      {promotion.steps.map((s, i) => {
        const failed = s.status === 'Failed' || s.status === 'Errored';
        return (
          <ListItem
            key={`${s.alias}-${i}`}
            sx={
              failed
                ? { bgcolor: 'error.main', color: 'error.contrastText', borderRadius: 1 }
                : undefined
            }
            aria-current={promotion.currentStep === i && !promotion.terminal ? 'step' : undefined}
          >
            <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start', width: '100%' }}>
              <span aria-hidden="true" style={{ width: 16 }}>
                {s.status === 'Running' ? <CircularProgress size={12} /> : stepIcon(s)}
              </span>
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <ListItemText
                  primary={`${s.alias}${s.uses ? ` (${s.uses})` : s.task ? ` (task ${s.task})` : ''} · ${s.status ?? 'Not started'}`}
                  secondary={
                    <>
                      {s.startedAt && <span>{formatDuration(s.startedAt, s.finishedAt, now)}</span>}
                      {s.message && <span role={failed ? 'alert' : undefined}> · {s.message}</span>}
                    </>
                  }
                  slotProps={{ secondary: { sx: failed ? { color: 'inherit' } : undefined } }}
                />
                <StepDetails step={s} />
              </Box>
            </Stack>
          </ListItem>
        );
      })}
    </List>
  );
}

/** Follows the real Promotion live: pending → running step by step → its result. */
export function PromotionDrawer({
  promotion,
  onClose,
}: {
  promotion: PromotionView;
  onClose: () => void;
}) {
  const { project, open, startPromote } = useProject();
  const caps = useCapabilities();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (promotion.terminal) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [promotion.terminal]);
  const abort = useMutation({ mutationFn: () => abortPromotion(project, promotion.name) });
  const failedStep = promotion.steps.find((s) => s.status === 'Failed' || s.status === 'Errored');
  return (
    <DrawerFrame
      title={`Promotion to ${promotion.stage}`}
      subtitle={
        <Stack sx={{ gap: 0.5, mt: 0.5 }}>
          <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
            <Chip
              label={promotion.phase}
              color={promotionPhaseColor(promotion.phase)}
              role="status"
              aria-label={`Promotion phase: ${promotion.phase}`}
            />
            {!promotion.terminal && <CircularProgress size={16} aria-hidden />}
            <span>
              {promotion.freightAlias ?? promotion.freight} ·{' '}
              {formatDuration(promotion.startedAt, promotion.finishedAt, now)}
              {promotion.actor ? ` · by ${promotion.actor}` : ''}
            </span>
          </Stack>
          <Link
            component="button"
            onClick={() => open('stages', promotion.stage)}
            sx={{ alignSelf: 'flex-start' }}
          >
            Stage {promotion.stage}
          </Link>
        </Stack>
      }
      onClose={onClose}
      actions={
        <>
          {!promotion.terminal && (
            <GuardedButton
              decision={
                promotion.abortRequested
                  ? { allowed: false, reason: 'Abort already requested.' }
                  : projectDecision(caps, 'abortPromotion')
              }
              color="warning"
              disabled={abort.isPending}
              onClick={() => abort.mutate()}
            >
              Abort
            </GuardedButton>
          )}
          {promotion.terminal && promotion.phase !== 'Succeeded' && promotion.freight && (
            <GuardedButton
              decision={stageDecision(caps, promotion.stage, 'promote')}
              onClick={() => promotion.freight && startPromote(promotion.stage, promotion.freight)}
            >
              Retry
            </GuardedButton>
          )}
        </>
      }
      tabs={[
        {
          id: 'steps',
          label: 'Steps',
          render: () => (
            <>
              {promotion.terminal && promotion.phase !== 'Succeeded' && (
                <Alert severity="error" sx={{ mb: 1 }}>
                  {failedStep ? `Failed at step ${failedStep.alias}: ` : ''}
                  {promotion.message ?? failedStep?.message ?? promotion.phase}
                </Alert>
              )}
              {promotion.phase === 'Succeeded' && (
                <Alert severity="success" sx={{ mb: 1 }}>
                  Promotion succeeded.
                </Alert>
              )}
              <Steps promotion={promotion} now={now} />
            </>
          ),
        },
        {
          id: 'yaml',
          label: 'Config and output',
          render: () => (
            <LiveManifest project={project} resource="promotions" name={promotion.name} />
          ),
        },
      ]}
    />
  );
}
