import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import type {
  CredentialCreateRequest,
  CredentialReplaceRequest,
  CredentialType,
  CredentialView,
} from '@wharf/shared/authoring';
import { useState } from 'react';
import {
  createRequest,
  emptyCredential,
  replaceRequest,
  type CredentialDraft,
} from './credential-draft';

/** The fields of a credential; password inputs never show a stored value (there is none to show). */
export function CredentialFields({
  draft,
  onChange,
  replacing,
  disabled = false,
}: {
  draft: CredentialDraft;
  onChange: (d: CredentialDraft) => void;
  replacing: boolean;
  disabled?: boolean;
}) {
  const set = (patch: Partial<CredentialDraft>) => onChange({ ...draft, ...patch });
  const keep = replacing ? 'Leave empty to keep the stored value' : undefined;
  return (
    <Stack sx={{ gap: 1.5, pt: 1 }}>
      <Stack direction="row" sx={{ gap: 1.5 }}>
        <TextField
          size="small"
          label="Credential name"
          required
          disabled={disabled || replacing}
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
        />
        <TextField
          select
          size="small"
          label="Type"
          disabled={disabled}
          value={draft.type}
          onChange={(e) => set({ type: e.target.value as CredentialType })}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value="git">Git repository</MenuItem>
          <MenuItem value="image">Image registry</MenuItem>
          <MenuItem value="helm">Helm repository</MenuItem>
          <MenuItem value="generic">Generic secret</MenuItem>
        </TextField>
      </Stack>
      {draft.type === 'generic' ? (
        <TextField
          multiline
          minRows={3}
          size="small"
          label="Values (key=value, one per line)"
          helperText={replacing ? 'Every key is replaced by what you type here' : undefined}
          disabled={disabled}
          value={draft.data}
          onChange={(e) => set({ data: e.target.value })}
          slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
        />
      ) : (
        <>
          <TextField
            size="small"
            label={
              draft.repoURLIsRegex
                ? 'Repository URL pattern (regular expression)'
                : 'Repository URL'
            }
            required
            disabled={disabled}
            value={draft.repoURL}
            onChange={(e) => set({ repoURL: e.target.value })}
          />
          <FormControlLabel
            label="Match URLs by a regular expression"
            control={
              <Switch
                disabled={disabled}
                checked={draft.repoURLIsRegex}
                onChange={(e) => set({ repoURLIsRegex: e.target.checked })}
              />
            }
          />
          <Stack direction="row" sx={{ gap: 1.5 }}>
            <TextField
              size="small"
              label="Username"
              required={!replacing}
              helperText={keep}
              disabled={disabled}
              value={draft.username}
              onChange={(e) => set({ username: e.target.value })}
              slotProps={{ htmlInput: { autoComplete: 'off' } }}
            />
            <TextField
              size="small"
              label="Password or token"
              type="password"
              required={!replacing}
              helperText={keep}
              disabled={disabled}
              value={draft.password}
              onChange={(e) => set({ password: e.target.value })}
              slotProps={{ htmlInput: { autoComplete: 'new-password' } }}
            />
          </Stack>
        </>
      )}
      <TextField
        size="small"
        label="Description"
        disabled={disabled}
        value={draft.description}
        onChange={(e) => set({ description: e.target.value })}
      />
    </Stack>
  );
}

/** Add or replace a credential; the caller's mutation decides where it goes. */
export function CredentialDialog({
  existing,
  onSubmit,
  onClose,
}: {
  existing?: CredentialView | undefined;
  onSubmit: (
    req: { create: CredentialCreateRequest } | { replace: CredentialReplaceRequest },
  ) => Promise<unknown>;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<CredentialDraft>(() =>
    existing
      ? {
          ...emptyCredential(existing.type, existing.repoURL ?? ''),
          name: existing.name,
          repoURLIsRegex: existing.repoURLIsRegex,
          description: existing.description ?? '',
        }
      : emptyCredential(),
  );
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open onClose={onClose} aria-labelledby="credential-title" maxWidth="sm" fullWidth>
      <DialogTitle id="credential-title">
        {existing ? `Replace credential ${existing.name}` : 'Add a credential'}
      </DialogTitle>
      <DialogContent>
        <Alert severity="info" sx={{ mb: 1 }}>
          Values go to Kubernetes only; Wharf never shows them again.
        </Alert>
        <CredentialFields draft={draft} onChange={setDraft} replacing={!!existing} />
        {error && (
          <Alert severity="error" role="alert" sx={{ mt: 1 }}>
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="contained"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            setError('');
            onSubmit(
              existing ? { replace: replaceRequest(draft) } : { create: createRequest(draft) },
            )
              .then(onClose)
              .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
              .finally(() => setBusy(false));
          }}
        >
          {existing ? 'Replace' : 'Add credential'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
