import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { useServerRunsOtherBuild } from '@/lib/live/server-build';

/**
 * Offers a reload once the server runs another Wharf build (an upgrade while the page stayed
 * open). Not lazy: the server no longer has this build's lazy chunks by then.
 */
export function UpdateNotice() {
  if (!useServerRunsOtherBuild()) return null;
  return (
    <Alert
      severity="info"
      role="status"
      aria-labelledby="wharf-updated"
      sx={{ borderRadius: 0 }}
      action={
        <Button color="inherit" size="small" onClick={() => window.location.reload()}>
          Reload
        </Button>
      }
    >
      <AlertTitle id="wharf-updated">Wharf was updated</AlertTitle>
      Reload to use the new version; until then this page may not show live changes.
    </Alert>
  );
}
