import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Chip from '@mui/material/Chip';
import { useQuery } from '@tanstack/react-query';
import { clusterStatusQuery } from '@/lib/cluster-status';

/** Shows whether the BFF can reach the cluster, and whether some kinds are not live. */
export function ConnectionChip() {
  const query = useQuery(clusterStatusQuery());
  if (query.isPending) return <Chip size="small" label="Connecting…" />;
  if (query.isError)
    return (
      <Chip size="small" color="error" label="Server unreachable" title={query.error.message} />
    );
  const status = query.data;
  const partly = status.connected && (status.problems?.length ?? 0) > 0;
  const state = partly ? 'partly connected' : status.connected ? 'connected' : 'not connected';
  return (
    <Chip
      size="small"
      color={status.connected && !partly ? 'success' : 'warning'}
      label={`${status.mode} cluster: ${state}`}
      title={[status.message, ...(status.problems ?? []).map((p) => p.message)]
        .filter(Boolean)
        .join('\n')}
    />
  );
}

/**
 * Says on every page what the cluster lacks: Kargo itself (with how to install it), or kinds
 * Wharf may not read or keep live, while the rest of the dashboard works.
 */
export function ClusterNotice() {
  const { data: status } = useQuery(clusterStatusQuery());
  if (!status) return null;
  if (status.kargoInstalled === false) {
    return (
      <Alert severity="info" sx={{ borderRadius: 0 }}>
        <AlertTitle>Kargo is not installed in this cluster</AlertTitle>
        {status.message} See the Kargo documentation to install it; this page updates by itself.
      </Alert>
    );
  }
  const problems = status.problems ?? [];
  if (problems.length === 0) return null;
  return (
    <Alert severity="warning" sx={{ borderRadius: 0 }}>
      <AlertTitle>Some of the cluster is not live in Wharf</AlertTitle>
      <ul style={{ margin: 0, paddingLeft: '1.2em' }}>
        {problems.map((p) => (
          <li key={p.kind}>{p.message}</li>
        ))}
      </ul>
    </Alert>
  );
}
