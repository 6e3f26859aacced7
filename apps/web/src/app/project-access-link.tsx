import Button from '@mui/material/Button';
import { Link as RouterLink, useMatch } from 'react-router';

/** Inside a project, a way to its Settings → Access screens (roles, who may promote, tokens). */
export function ProjectAccessLink() {
  const match = useMatch('/projects/:project/*');
  const project = match?.params.project;
  if (!project) return null;
  return (
    <Button
      color="inherit"
      component={RouterLink}
      to={`/projects/${encodeURIComponent(project)}/settings/access`}
    >
      Access
    </Button>
  );
}
