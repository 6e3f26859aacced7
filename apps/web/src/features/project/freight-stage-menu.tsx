import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useMutation } from '@tanstack/react-query';
import type { FreightView } from '@wharf/shared/api';
import { approve, requestApproval } from '@/lib/api/actions';
import { projectDecision, stageDecision } from '@/lib/api/capabilities';
import { pushToast } from '@/lib/toasts';
import { displayName } from '@/lib/freight';
import { useProject, useProjectState } from './project-context';
import { useCapabilities } from './capabilities-store';

interface Props {
  freight: FreightView;
  action: 'promote' | 'approve' | 'request-approval';
  anchor: HTMLElement;
  onClose: () => void;
}

/** The stages that request this freight's origin; each item disabled with the reason when not allowed. */
export function FreightStageMenu({ freight, action, anchor, onClose }: Props) {
  const { project, startPromote } = useProject();
  const caps = useCapabilities();
  const state = useProjectState();
  const mutation = useMutation({
    mutationFn: (stage: string): Promise<unknown> =>
      action === 'request-approval'
        ? requestApproval(project, freight.name, stage)
        : approve(project, freight.name, stage),
    onSuccess: (_r, stage) =>
      pushToast(
        action === 'request-approval'
          ? `Asked for ${displayName(freight)} to be approved for ${stage}; approvers see it under Needs attention.`
          : `Approved ${displayName(freight)} for ${stage}.`,
        'success',
      ),
  });
  const stages = [...state.stages.values()].filter((s) =>
    s.requestedFreight.some((r) => r.origin.name === freight.origin.name),
  );
  return (
    <Menu
      anchorEl={anchor}
      open
      onClose={onClose}
      aria-label={
        action === 'promote'
          ? 'Promote to stage'
          : action === 'approve'
            ? 'Approve for stage'
            : 'Ask for approval for stage'
      }
    >
      {stages.length === 0 && (
        <MenuItem disabled>No stage requests freight from {freight.origin.name}</MenuItem>
      )}
      {stages.map((s) => {
        const d =
          action === 'request-approval'
            ? projectDecision(caps, 'requestApproval')
            : stageDecision(caps, s.name, action === 'promote' ? 'promote' : 'approve');
        const already = action !== 'promote' && freight.approvedFor.some((a) => a.stage === s.name);
        const reason = !d.allowed ? d.reason : already ? 'Already approved' : undefined;
        return (
          <MenuItem
            key={s.name}
            disabled={reason !== undefined}
            onClick={() => {
              onClose();
              if (action === 'promote') startPromote(s.name, freight.name);
              else mutation.mutate(s.name);
            }}
          >
            <ListItemText primary={s.name} secondary={reason} />
          </MenuItem>
        );
      })}
    </Menu>
  );
}
