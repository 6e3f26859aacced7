import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useParams } from 'react-router';
import { AccessHome } from './access-home';
import { accessPath } from './access-paths';
import { RoleCreatePage } from './role-create-page';
import { RolePage } from './role-page';
import { useManageDecision } from './use-manage-decision';

/** Project settings → Access: `…/settings/access`, `…/access/new`, `…/access/roles/<name>`. */
export function AccessPage() {
  const { project = '', '*': rest = '' } = useParams();
  const manage = useManageDecision(project);
  const [head, name] = rest.split('/');
  const crumb =
    head === 'new' ? 'New role' : head === 'roles' && name ? decodeURIComponent(name) : undefined;
  return (
    <Box sx={{ p: 3, overflow: 'auto' }}>
      <Breadcrumbs aria-label="Breadcrumb" sx={{ mb: 1 }}>
        <Link component={RouterLink} to={`/projects/${encodeURIComponent(project)}`}>
          {project}
        </Link>
        <Typography color="text.secondary">Settings</Typography>
        {crumb ? (
          <Link component={RouterLink} to={accessPath(project)}>
            Access
          </Link>
        ) : (
          <Typography color="text.primary">Access</Typography>
        )}
        {crumb && <Typography color="text.primary">{crumb}</Typography>}
      </Breadcrumbs>
      {!manage.allowed && (
        <Alert severity="info" sx={{ mb: 2 }} role="status">
          Read-only: {manage.reason}
        </Alert>
      )}
      {head === 'new' ? (
        <RoleCreatePage project={project} manage={manage} />
      ) : head === 'roles' && name ? (
        <RolePage project={project} name={decodeURIComponent(name)} manage={manage} />
      ) : (
        <AccessHome project={project} manage={manage} />
      )}
    </Box>
  );
}
