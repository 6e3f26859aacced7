import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KargoRole } from '@wharf/shared/api';
import { useState } from 'react';
import { capabilitiesQuery } from '@/lib/api/capabilities';
import { type GrantAction, planGrant } from './grant-plan';
import { GrantPreview } from './grant-preview';
import { applyStep, rolesKey } from './roles-api';

type Kind = GrantAction['kind'];
const KINDS: { id: Kind; label: string }[] = [
  { id: 'grant-claim', label: 'Grant this role to a group (or other claim value)' },
  { id: 'revoke-claim', label: 'Revoke this role from a group (or other claim value)' },
  { id: 'allow-promote', label: 'Let this role promote to a stage' },
  { id: 'deny-promote', label: 'Stop this role promoting to a stage' },
];

/** One grant or revoke, previewed as the role's before and after, applied in one step. */
export function GrantDialog(props: { project: string; role: KargoRole; onClose: () => void }) {
  const { project, role, onClose } = props;
  const [kind, setKind] = useState<Kind>('grant-claim');
  const [claim, setClaim] = useState('groups');
  const [value, setValue] = useState('');
  const [stage, setStage] = useState('');
  const stages = [...(useQuery(capabilitiesQuery(project)).data?.stages.names ?? [])].sort();
  const queryClient = useQueryClient();
  const isClaim = kind === 'grant-claim' || kind === 'revoke-claim';
  const action: GrantAction | undefined = isClaim
    ? claim.trim() && value.trim()
      ? { kind, claim: claim.trim(), value: value.trim() }
      : undefined
    : stage
      ? { kind, stage }
      : undefined;
  const plan = action ? planGrant(role, action) : undefined;
  const apply = useMutation({
    mutationFn: async () => {
      for (const step of plan?.steps ?? []) await applyStep(project, role.name, step);
    },
    meta: { quiet: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: rolesKey(project) }),
    onSuccess: onClose,
  });
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="grant-title">
      <DialogTitle id="grant-title">Grant or revoke: role {role.name}</DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }}>
          <TextField
            select
            label="Change"
            value={kind}
            onChange={(e) => setKind(e.target.value as Kind)}
          >
            {KINDS.map((k) => (
              <MenuItem key={k.id} value={k.id}>
                {k.label}
              </MenuItem>
            ))}
          </TextField>
          {isClaim ? (
            <Stack direction="row" sx={{ gap: 2 }}>
              <TextField
                label="Claim"
                value={claim}
                onChange={(e) => setClaim(e.target.value)}
                helperText="groups, email, sub or any claim your provider sends"
              />
              <TextField
                label="Value"
                value={value}
                onChange={(e) => setValue(e.target.value)}
                autoFocus
                sx={{ flex: 1 }}
              />
            </Stack>
          ) : (
            <TextField
              select
              label="Stage"
              value={stage}
              onChange={(e) => setStage(e.target.value)}
            >
              {stages.map((s) => (
                <MenuItem key={s} value={s}>
                  {s}
                </MenuItem>
              ))}
            </TextField>
          )}
          {plan && <GrantPreview plan={plan} isClaim={isClaim} />}
          {apply.isError && (
            <Alert severity="error" role="alert">
              {apply.error.message}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={!plan || plan.steps.length === 0 || apply.isPending}
          onClick={() => apply.mutate()}
        >
          Apply
        </Button>
      </DialogActions>
    </Dialog>
  );
}
