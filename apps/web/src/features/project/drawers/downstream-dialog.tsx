import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { useMutation } from '@tanstack/react-query';
import { useMemo } from 'react';
import { promoteDownstream } from '@/lib/api/actions';
import { stageDecision } from '@/lib/api/project';
import { displayName } from '@/lib/freight';
import { useFreightByNames } from '@/lib/live/freight-window';
import { useProject, useProjectState } from '../project-context';

/** Promote a stage's current freight into every stage directly downstream; results per stage. */
export function DownstreamDialog({
  stage,
  freight,
  onClose,
}: {
  stage: string;
  freight: string;
  onClose: () => void;
}) {
  const { project, caps, open } = useProject();
  const state = useProjectState();
  const f = useFreightByNames(state, [freight]).get(freight);
  const targets = useMemo(
    () =>
      [...state.stages.values()].filter(
        (s) => s.requestedFreight.some((r) => r.upstreamStages.includes(stage)) && !s.controlFlow,
      ),
    [state.stages, stage],
  );
  const mutation = useMutation({
    mutationFn: () => promoteDownstream(project, stage, freight),
    meta: { quiet: true },
  });
  return (
    <Dialog open onClose={onClose} aria-labelledby="downstream-title" fullWidth>
      <DialogTitle id="downstream-title">
        Promote {f ? displayName(f) : freight} downstream of {stage}
      </DialogTitle>
      <DialogContent>
        {targets.length === 0 && (
          <Alert severity="info">No stage takes freight from {stage}.</Alert>
        )}
        <List dense aria-label="Downstream stages">
          {targets.map((t) => {
            const d = stageDecision(caps, t.name, 'promote');
            const result = mutation.data?.results.find((r) => r.stage === t.name);
            return (
              <ListItem key={t.name}>
                <ListItemText
                  primary={t.name}
                  secondary={
                    result ? (
                      result.ok ? (
                        <Link
                          component="button"
                          onClick={() => open('promotions', result.promotion.name)}
                        >
                          Promotion {result.promotion.name} {result.promotion.phase}
                        </Link>
                      ) : (
                        `Failed: ${result.error.message}`
                      )
                    ) : d.allowed ? (
                      'Will be promoted'
                    ) : (
                      d.reason
                    )
                  }
                />
              </ListItem>
            );
          })}
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
            disabled={mutation.isPending || targets.length === 0}
            onClick={() => mutation.mutate()}
          >
            Promote to {targets.length} stage(s)
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
