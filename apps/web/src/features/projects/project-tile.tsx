import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { HealthCounts, ProjectSummary } from '@wharf/shared/api';
import { Link } from 'react-router';
import { toggleStar } from './starred';

function Health({ label, counts }: { label: string; counts: HealthCounts }) {
  const color =
    counts.unhealthy > 0 ? 'error' : counts.healthy === counts.count ? 'success' : 'default';
  return (
    <Chip
      size="small"
      variant="outlined"
      color={color}
      label={`${counts.healthy}/${counts.count} ${label} healthy`}
    />
  );
}

export function ProjectTile({ project, starred }: { project: ProjectSummary; starred: boolean }) {
  return (
    <Card variant="outlined" component="li" sx={{ listStyle: 'none', position: 'relative' }}>
      <CardActionArea
        component={Link}
        to={`/projects/${encodeURIComponent(project.name)}`}
        aria-label={`Open project ${project.name}`}
      >
        <CardContent>
          <Typography variant="h6" component="h2" sx={{ pr: 5 }}>
            {project.name}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ minHeight: 20, mb: 1 }}>
            {project.description ?? (project.ready ? '' : (project.message ?? 'Not ready'))}
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            <Health label="stages" counts={project.stages} />
            <Health label="warehouses" counts={project.warehouses} />
            {project.pendingPromotions > 0 && (
              <Chip size="small" color="info" label={`${project.pendingPromotions} promoting`} />
            )}
          </Stack>
        </CardContent>
      </CardActionArea>
      <IconButton
        aria-label={starred ? `Unstar ${project.name}` : `Star ${project.name}`}
        aria-pressed={starred}
        onClick={() => toggleStar(project.name)}
        sx={{ position: 'absolute', top: 8, right: 8 }}
      >
        <span aria-hidden="true">{starred ? '★' : '☆'}</span>
      </IconButton>
    </Card>
  );
}
