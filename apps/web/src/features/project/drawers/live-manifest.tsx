import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import { useQuery } from '@tanstack/react-query';
import { stringify } from 'yaml';
import { liveManifestQuery } from '@/lib/api/project';

const KARGO = 'apis/kargo.akuity.io/v1alpha1';

/** The object exactly as Kubernetes stores it now, read through the BFF proxy as the user. */
export function LiveManifest({
  project,
  resource,
  name,
}: {
  project: string;
  resource: string;
  name: string;
}) {
  const path = `${KARGO}/namespaces/${encodeURIComponent(project)}/${resource}/${encodeURIComponent(name)}`;
  const query = useQuery({ ...liveManifestQuery(path), refetchInterval: 5000 });
  if (query.isPending) return <LinearProgress aria-label="Loading manifest" />;
  if (query.isError) return <Alert severity="error">{query.error.message}</Alert>;
  return (
    <Box
      component="pre"
      aria-label="Live manifest"
      sx={{ fontSize: 12, m: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
    >
      {stringify(query.data)}
    </Box>
  );
}
