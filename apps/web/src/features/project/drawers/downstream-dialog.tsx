import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { useMutation } from '@tanstack/react-query';
import type { ActionResultOf, HeldFreight } from '@wharf/shared/api';
import { useMemo } from 'react';
import { promoteDownstream } from '@/lib/api/actions';
import { stageDecision } from '@/lib/api/capabilities';
import { displayName } from '@/lib/freight';
import { promotionPhaseColor } from '../phase-style';
import { useProject, useProjectState } from '../project-context';
import { useCapabilities } from '../capabilities-store';

type Result = ActionResultOf<'promote-downstream'>['results'][number];

/**
 * Promotes everything a stage holds (one freight per origin, all at once) into every stage
 * directly downstream that takes that origin from it, then follows each real Promotion live.
 */
export function DownstreamDialog({
  stage,
  freight,
  onClose,
}: {
  stage: string;
  /** What the stage holds now: one freight per origin. */
  freight: readonly HeldFreight[];
  onClose: () => void;
}) {
  const { project, open } = useProject();
  const caps = useCapabilities();
  const state = useProjectState();
  /** Per freight, the stages after this one that take its origin from it. */
  const plan = useMemo(
    () =>
      freight.map((f) => ({
        freight: f,
        targets: [...state.stages.values()].filter(
          (s) =>
            !s.controlFlow &&
            s.requestedFreight.some(
              (r) => r.origin.name === f.origin.name && r.upstreamStages.includes(stage),
            ),
        ),
      })),
    [state.stages, stage, freight],
  );
  const count = plan.reduce((n, p) => n + p.targets.length, 0);
  const mutation = useMutation({
    // One request per freight, in turn: each answers per stage, so one refusal stops nothing else.
    mutationFn: async () => {
      const out = new Map<string, Result[]>();
      for (const p of plan)
        if (p.targets.length > 0)
          out.set(
            p.freight.name,
            (await promoteDownstream(project, stage, p.freight.name)).results,
          );
      return out;
    },
    meta: { quiet: true },
  });
  const label = freight.length === 1 && freight[0] ? displayName(freight[0]) : 'everything';
  return (
    <Dialog open onClose={onClose} aria-labelledby="downstream-title" fullWidth>
      <DialogTitle id="downstream-title">
        Promote {label} downstream of {stage}
      </DialogTitle>
      <DialogContent>
        {count === 0 && <Alert severity="info">No stage takes freight from {stage}.</Alert>}
        {mutation.isPending && <LinearProgress aria-label="Creating promotions" />}
        <List dense aria-label="Downstream stages">
          {plan.flatMap((p) =>
            p.targets.map((t) => {
              const d = stageDecision(caps, t.name, 'promote');
              const result = mutation.data?.get(p.freight.name)?.find((r) => r.stage === t.name);
              // The Promotion as the live project state has it now, else as it was created.
              const live = result?.ok
                ? (state.promotions.get(result.promotion.name) ?? result.promotion)
                : undefined;
              return (
                <ListItem key={`${p.freight.name}/${t.name}`}>
                  <ListItemText
                    primary={`${t.name} ← ${displayName(p.freight)} (${p.freight.origin.name})`}
                    secondary={
                      live ? (
                        <>
                          <Link component="button" onClick={() => open('promotions', live.name)}>
                            Promotion {live.name}
                          </Link>{' '}
                          <Chip
                            size="small"
                            label={live.phase}
                            color={promotionPhaseColor(live.phase)}
                            role="status"
                            aria-label={`Promotion to ${t.name}: ${live.phase}`}
                          />
                        </>
                      ) : result && !result.ok ? (
                        `Failed: ${result.error.message}`
                      ) : d.allowed ? (
                        'Will be promoted'
                      ) : (
                        d.reason
                      )
                    }
                  />
                </ListItem>
              );
            }),
          )}
        </List>
        {mutation.isError && (
          <Alert severity="error" role="alert">
            {mutation.error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{mutation.isSuccess ? 'Close' : 'Cancel'}</Button>
        {!mutation.isSuccess && (
          <Button
            variant="contained"
            disabled={mutation.isPending || count === 0}
            onClick={() => mutation.mutate()}
          >
            {freight.length > 1
              ? `Promote all ${freight.length} freight (${count} promotions)`
              : `Promote to ${count} stage(s)`}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
