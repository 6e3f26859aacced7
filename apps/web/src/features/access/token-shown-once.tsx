import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import type { CreatedApiToken } from '@wharf/shared/api';
import { useState } from 'react';

/** The only time the token value is on screen: the API never answers it again. */
export function TokenShownOnce({
  token,
  onClose,
}: {
  token: CreatedApiToken;
  onClose: () => void;
}) {
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  const copy = () =>
    navigator.clipboard.writeText(token.token).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="token-title">
      <DialogTitle id="token-title">API token {token.name} created</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          Copy it now: it is shown only this once. Use it with kubectl --token or as a bearer token.
        </Alert>
        <TextField
          label="Token"
          value={token.token}
          fullWidth
          multiline
          slotProps={{ htmlInput: { readOnly: true, spellCheck: false } }}
          onFocus={(e) => e.target.select()}
        />
        {copied === 'yes' && (
          <Alert severity="success" sx={{ mt: 1 }}>
            Copied to the clipboard.
          </Alert>
        )}
        {copied === 'failed' && (
          <Alert severity="error" sx={{ mt: 1 }}>
            The browser refused the clipboard; select the token and copy it by hand.
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={() => void copy()}>Copy</Button>
        <Button variant="contained" onClick={onClose}>
          Done
        </Button>
      </DialogActions>
    </Dialog>
  );
}
