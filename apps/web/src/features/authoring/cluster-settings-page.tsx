import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { CredentialsPanel } from '@/lib/authoring/credentials-panel';
import { ObjectList } from './object-list';
import { useClusterDecision } from './use-decision';

/** Outside projects: ClusterConfig, ClusterPromotionTasks and Kargo's shared credentials. */
export function ClusterSettingsPage() {
  const clusterConfig = useClusterDecision('updateClusterConfig');
  const tasks = useClusterDecision('manageClusterPromotionTasks');
  const read = useClusterDecision('readSharedCredentials');
  const manage = useClusterDecision('manageSharedCredentials');
  return (
    <Box sx={{ p: 3, overflow: 'auto' }}>
      <Typography variant="h5" component="h1" gutterBottom>
        Cluster settings
      </Typography>
      <Stack sx={{ gap: 4 }}>
        <Stack direction="row" sx={{ gap: 2, alignItems: 'center' }}>
          <Typography sx={{ flex: 1 }}>
            ClusterConfig <code>cluster</code>: cluster-wide webhook receivers and links.
          </Typography>
          <Button component={RouterLink} to="/settings/edit/clusterconfigs/cluster?mode=yaml">
            {clusterConfig.allowed ? 'Edit' : 'View'}
          </Button>
          <Button
            component={RouterLink}
            to="/settings/create/clusterconfigs?mode=yaml"
            disabled={!clusterConfig.allowed}
          >
            Create
          </Button>
        </Stack>
        <ObjectList resource="clusterpromotiontasks" decision={tasks} />
        <CredentialsPanel project={undefined} read={read} manage={manage} />
      </Stack>
    </Box>
  );
}
