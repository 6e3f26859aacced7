import type { EventView } from '@wharf/shared/api';
import { Link as RouterLink } from 'react-router';
import { formatAge } from '@/lib/time';
import './activity-feed.css';
import './attention-link.css';

/**
 * Who promoted what where: the newest Kargo events of the visible projects. Plain elements, as
 * the rows beside it (see attention-list.css): 30 entries of four MUI components each were a
 * large share of the page's first render.
 */
export function ActivityFeed({ events }: { events: readonly EventView[] }) {
  if (events.length === 0) return <p className="activity-empty">No Kargo events yet.</p>;
  return (
    <ol className="activity-feed" aria-label="Recent activity">
      {events.map((e) => (
        <li key={e.uid} className="activity-entry">
          <p className="activity-message">
            {e.actor && <strong>{e.actor} · </strong>}
            {e.message}
          </p>
          <p className="activity-meta">
            <RouterLink
              className="attention-link"
              to={`/projects/${encodeURIComponent(e.project)}/events`}
            >
              {e.project}
            </RouterLink>
            {' · '}
            {e.reason}
            {e.time ? ` · ${formatAge(e.time)} ago` : ''}
          </p>
        </li>
      ))}
    </ol>
  );
}
