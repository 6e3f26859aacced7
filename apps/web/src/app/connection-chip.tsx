import Chip from '@mui/material/Chip';
import { useEffect, useState } from 'react';
import type { ClusterStatus } from '@wharf/shared';
import { fetchClusterStatus } from '@/lib/cluster-status';

type State =
  { kind: 'loading' } | { kind: 'ok'; status: ClusterStatus } | { kind: 'error'; message: string };

/** Shows whether the BFF can reach the cluster. */
export function ConnectionChip() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    fetchClusterStatus(abort.signal).then(
      (status) => setState({ kind: 'ok', status }),
      (err: unknown) => {
        if (!abort.signal.aborted) setState({ kind: 'error', message: String(err) });
      },
    );
    return () => abort.abort();
  }, []);
  if (state.kind === 'loading') return <Chip size="small" label="Connecting…" />;
  if (state.kind === 'error')
    return <Chip size="small" color="error" label="Server unreachable" title={state.message} />;
  const { status } = state;
  return (
    <Chip
      size="small"
      color={status.connected ? 'success' : 'warning'}
      label={`${status.mode} cluster: ${status.connected ? 'connected' : 'not connected'}`}
      title={status.message}
    />
  );
}
