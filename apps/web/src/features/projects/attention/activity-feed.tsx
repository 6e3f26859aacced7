import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { EventView } from '@wharf/shared/api';
import { Link as RouterLink } from 'react-router';
import { formatAge } from '@/lib/time';

/** Who promoted what where: the newest Kargo events of the visible projects. */
export function ActivityFeed({ events }: { events: readonly EventView[] }) {
  if (events.length === 0)
    return <Typography color="text.secondary">No Kargo events yet.</Typography>;
  return (
    <Box component="ol" aria-label="Recent activity" sx={{ p: 0, m: 0, display: 'grid', gap: 1 }}>
      {events.map((e) => (
        <Box component="li" key={e.uid} sx={{ listStyle: 'none' }}>
          <Typography variant="body2">
            {e.actor && <strong>{e.actor} · </strong>}
            {e.message}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            <Link component={RouterLink} to={`/projects/${encodeURIComponent(e.project)}/events`}>
              {e.project}
            </Link>
            {' · '}
            {e.reason}
            {e.time ? ` · ${formatAge(e.time)} ago` : ''}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
