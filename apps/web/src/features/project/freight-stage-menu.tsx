import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useMutation } from '@tanstack/react-query';
import type { FreightView } from '@wharf/shared/api';
import { approve } from '@/lib/api/actions';
import { stageDecision } from '@/lib/api/project';
import { pushToast } from '@/lib/toasts';
import { displayName } from '@/lib/freight';
import { useProject, useProjectState } from './project-context';

interface Props {
  freight: FreightView;
  action: 'promote' | 'approve';
  anchor: HTMLElement;
  onClose: () => void;
}

/** The stages that request this freight's origin; each item disabled with the reason when not allowed. */
export function FreightStageMenu({ freight, action, anchor, onClose }: Props) {
  const { project, caps, startPromote } = useProject();
  const state = useProjectState();
  const mutation = useMutation({
    mutationFn: (stage: string) => approve(project, freight.name, stage),
    onSuccess: (_r, stage) =>
      pushToast(`Approved ${displayName(freight)} for ${stage}.`, 'success'),
  });
  const stages = [...state.stages.values()].filter((s) =>
    s.requestedFreight.some((r) => r.origin.name === freight.origin.name),
  );
  return (
    <Menu
      anchorEl={anchor}
      open
      onClose={onClose}
      aria-label={action === 'promote' ? 'Promote to stage' : 'Approve for stage'}
    >
      {stages.length === 0 && (
        <MenuItem disabled>No stage requests freight from {freight.origin.name}</MenuItem>
      )}
      {stages.map((s) => {
        const d = stageDecision(caps, s.name, action === 'promote' ? 'promote' : 'approve');
        const already = action === 'approve' && freight.approvedFor.some((a) => a.stage === s.name);
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
