import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { Decision } from '@/lib/api/capabilities';
import { ApiTokens } from './api-tokens';
import { DeleteRoleButton } from './delete-role-button';
import { RoleForm } from './role-form';
import { roleQuery } from './roles-api';
import { roleDecision } from './use-manage-decision';

export function RolePage({
  project,
  name,
  manage,
}: {
  project: string;
  name: string;
  manage: Decision;
}) {
  const role = useQuery(roleQuery(project, name));
  if (role.isPending) return <LinearProgress aria-label="Loading role" />;
  if (role.isError)
    return (
      <Alert severity="error" role="alert">
        Could not read role {name}: {role.error.message}
      </Alert>
    );
  const r = role.data;
  const decision = roleDecision(manage, r);
  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center' }}>
        <Typography variant="h4" component="h1">
          Role {r.name}
        </Typography>
        <Chip
          size="small"
          variant="outlined"
          label={r.kargoManaged ? 'managed' : 'read-only'}
          color={r.kargoManaged ? 'success' : 'default'}
        />
        <DeleteRoleButton project={project} role={r.name} decision={decision} />
      </Stack>
      {r.readOnlyReason && (
        <Alert severity="info" role="status">
          This role is read-only in Wharf: {r.readOnlyReason}
        </Alert>
      )}
      <RoleForm
        key={r.name}
        project={project}
        role={r}
        decision={decision}
        onSaved={() => undefined}
      />
      <Divider />
      <ApiTokens project={project} role={r.name} decision={manage} />
    </Stack>
  );
}
