import Chip from '@mui/material/Chip';
import { useEffect, useState } from 'react';
import { useConnection } from '@/lib/live/connection';
import { getSocket } from '@/lib/live/socket';
import { formatAge } from '@/lib/time';

/** Live / reconnecting / offline, with how long the data on screen has been stale. */
export function LiveChip() {
  const { status, staleSince } = useConnection();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    getSocket();
  }, []);
  useEffect(() => {
    if (staleSince === null) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [staleSince]);
  const stale = staleSince === null ? '' : ` · stale for ${formatAge(staleSince, now)}`;
  const label =
    status === 'live'
      ? 'Live'
      : status === 'connecting'
        ? 'Connecting…'
        : status === 'reconnecting'
          ? `Reconnecting…${stale}`
          : `Offline${stale}`;
  return (
    <Chip
      size="small"
      role="status"
      aria-label={`Live updates: ${label}`}
      color={status === 'live' ? 'success' : status === 'connecting' ? 'default' : 'warning'}
      label={label}
      title={
        staleSince === null
          ? undefined
          : `Data on screen is from ${new Date(staleSince).toLocaleTimeString()}`
      }
    />
  );
}
