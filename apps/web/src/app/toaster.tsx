import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { dismissToast, useToasts } from '@/lib/toasts';

export function Toaster() {
  const toasts = useToasts();
  const top = toasts[toasts.length - 1];
  if (!top) return null;
  return (
    <Snackbar
      open
      key={top.id}
      autoHideDuration={8000}
      onClose={() => dismissToast(top.id)}
      anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
    >
      <Alert severity={top.severity} variant="filled" onClose={() => dismissToast(top.id)}>
        {top.message}
      </Alert>
    </Snackbar>
  );
}
