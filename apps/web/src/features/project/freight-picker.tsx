import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { useQuery } from '@tanstack/react-query';
import type { FreightListItem, RoomStageView } from '@wharf/shared/api';
import { useEffect, useState } from 'react';
import { freightPageQuery } from '@/lib/api/project';
import { displayName, summarize } from '@/lib/freight';
import { formatAge, formatDuration } from '@/lib/time';
import { useProject } from './project-context';
import { soakRemaining } from './soak';

function useNow(active: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [active]);
  return now;
}

function whyNot(stage: RoomStageView, f: FreightListItem, now: number): string | undefined {
  const a = f.availability.find((x) => x.stage === stage.name);
  if (a?.available) return undefined;
  const left = soakRemaining(stage, f, now);
  if (left !== undefined && left > 0)
    return `Soaking: ${formatDuration(new Date(now - left).toISOString(), undefined, now)} left`;
  return a?.reason ?? `Not requested by ${stage.name}`;
}

/** Freight the stage requests, newest first; eligible ones get "Select", the others say why not. */
export function FreightPicker({
  stage,
  onSelect,
}: {
  stage: RoomStageView;
  onSelect: (freight: string) => void;
}) {
  const { project } = useProject();
  const query = useQuery({
    ...freightPageQuery(project, { stage: stage.name }),
    meta: { quiet: true },
  });
  const now = useNow(true);
  if (query.isPending) return <LinearProgress aria-label="Loading freight" />;
  if (query.isError) return <Alert severity="error">{query.error.message}</Alert>;
  if (query.data.items.length === 0)
    return (
      <Alert severity="info">
        No freight for {stage.name} yet. Refresh its warehouse to discover artifacts.
      </Alert>
    );
  const current = new Set(stage.currentFreight.map((c) => c.name));
  return (
    <List dense aria-label={`Freight for ${stage.name}`}>
      {query.data.items.map((f) => {
        const reason = current.has(f.name) ? `Already in ${stage.name}` : whyNot(stage, f, now);
        return (
          <ListItem
            key={f.name}
            secondaryAction={
              <Button
                size="small"
                variant="outlined"
                disabled={reason !== undefined}
                onClick={() => onSelect(f.name)}
                aria-label={`Select ${displayName(f)}`}
              >
                Select
              </Button>
            }
          >
            <ListItemText
              primary={`${displayName(f)} · ${summarize(f)} · ${formatAge(f.discoveredAt ?? f.createdAt)} old`}
              secondary={reason ?? 'Eligible'}
            />
          </ListItem>
        );
      })}
    </List>
  );
}
