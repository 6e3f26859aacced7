import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import { useMutation } from '@tanstack/react-query';
import { diffFreight } from '@wharf/shared';
import { promote } from '@/lib/api/actions';
import { stageDecision } from '@/lib/api/capabilities';
import { displayName } from '@/lib/freight';
import { useFreightByNames } from '@/lib/live/freight-window';
import { ArtifactDiffTable } from './artifact-diff-table';
import { FreightPicker } from './freight-picker';
import { useProject, useProjectState } from './project-context';
import { useCapabilities } from './capabilities-store';

interface Props {
  stage: string;
  freight: string;
  onChooseFreight: (freight: string | null) => void;
  onClose: () => void;
  /** Called with the created Promotion's name so the UI can follow it. */
  onPromoted: (promotion: string) => void;
}

/** Choose freight (eligible ones selectable, others say why), confirm with the artifact diff, then follow. */
export function PromoteDialog({ stage, freight, onChooseFreight, onClose, onPromoted }: Props) {
  const { project } = useProject();
  const caps = useCapabilities();
  const state = useProjectState();
  const target = state.stages.get(stage);
  const lookup = useFreightByNames(state, freight ? [freight] : []);
  const incoming = freight ? lookup.get(freight) : undefined;
  const decision = stageDecision(caps, stage, 'promote');
  const mutation = useMutation({
    mutationFn: () => promote(project, stage, { freight }),
    meta: { quiet: true },
    onSuccess: (r) => onPromoted(r.promotion.name),
  });
  const current =
    target && incoming
      ? target.currentFreight.find((c) => c.origin.name === incoming.origin.name)
      : undefined;
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="promote-title">
      <DialogTitle id="promote-title">
        {incoming
          ? `Promote ${displayName(incoming)} to ${stage}`
          : `Promote to ${stage}: choose freight`}
      </DialogTitle>
      <DialogContent>
        {!target && <Alert severity="warning">Stage {stage} does not exist (any more).</Alert>}
        {!decision.allowed && <Alert severity="warning">{decision.reason}</Alert>}
        {target && !freight && (
          <FreightPicker stage={target} onSelect={(f) => onChooseFreight(f)} />
        )}
        {target && freight && !incoming && lookup.loading && (
          <LinearProgress aria-label="Loading freight" />
        )}
        {target && freight && !incoming && !lookup.loading && (
          <Alert severity="warning">Freight {freight} does not exist (any more).</Alert>
        )}
        {target && incoming && (
          <ArtifactDiffTable rows={diffFreight(current, incoming)} mode="promote" />
        )}
        {mutation.isError && (
          <Alert severity="error" role="alert" sx={{ mt: 2 }}>
            {mutation.error.message}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        {freight && <Button onClick={() => onChooseFreight(null)}>Choose other freight</Button>}
        <Button onClick={onClose}>Cancel</Button>
        {incoming && (
          <Button
            variant="contained"
            disabled={!decision.allowed || mutation.isPending}
            onClick={() => mutation.mutate()}
          >
            {mutation.isPending ? 'Promoting…' : 'Promote'}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
