import Typography from '@mui/material/Typography';
import { useNavigate } from 'react-router';
import type { Decision } from '@/lib/api/capabilities';
import { rolePath } from './access-paths';
import { RoleForm } from './role-form';

export function RoleCreatePage({ project, manage }: { project: string; manage: Decision }) {
  const navigate = useNavigate();
  return (
    <>
      <Typography variant="h4" component="h1" sx={{ mb: 2 }}>
        New role
      </Typography>
      <RoleForm
        project={project}
        decision={manage}
        onSaved={(name) => void navigate(rolePath(project, name), { replace: true })}
      />
    </>
  );
}
