import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueries } from '@tanstack/react-query';
import type { AttentionItem, AttentionSeverity } from '@wharf/shared';
import type { Capabilities } from '@wharf/shared/api';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { stagesCapabilitiesQuery } from '@/lib/api/project';
import { formatAge } from '@/lib/time';
import { AttentionActionButton } from './attention-action';
import { itemLink } from './attention-kinds';

const SEVERITY_COLOR: Record<AttentionSeverity, 'error' | 'warning' | 'info'> = {
  error: 'error',
  warning: 'warning',
  info: 'info',
};
const SEVERITY_WORD: Record<AttentionSeverity, string> = {
  error: 'Problem',
  warning: 'Warning',
  info: 'Waiting',
};

/** The capabilities of the stages the shown items act on, one query per project. */
function useItemCapabilities(items: readonly AttentionItem[]): Map<string, Capabilities> {
  const stagesByProject = useMemo(() => {
    const m = new Map<string, Set<string>>();
    for (const i of items) {
      if (!i.action) continue;
      let set = m.get(i.project);
      if (!set) m.set(i.project, (set = new Set()));
      if ('stage' in i.action) set.add(i.action.stage);
    }
    return [...m].map(([project, stages]) => ({ project, stages: [...stages] }));
  }, [items]);
  const results = useQueries({
    queries: stagesByProject.map((p) => stagesCapabilitiesQuery(p.project, p.stages)),
  });
  const caps = new Map<string, Capabilities>();
  results.forEach((r, i) => {
    const project = stagesByProject[i]?.project;
    if (project && r.data) caps.set(project, r.data);
  });
  return caps;
}

function ItemRow({ item, caps }: { item: AttentionItem; caps: Capabilities | undefined }) {
  const { action } = item;
  const headingId = `attention-${item.project}-${item.id}`.replace(/[^\w-]/g, '_');
  return (
    <Box
      component="li"
      aria-labelledby={headingId}
      sx={{
        listStyle: 'none',
        borderLeft: 4,
        borderColor: `${SEVERITY_COLOR[item.severity]}.main`,
        bgcolor: 'background.paper',
        px: 2,
        py: 1,
        borderRadius: 1,
      }}
    >
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <Chip
          size="small"
          color={SEVERITY_COLOR[item.severity]}
          label={SEVERITY_WORD[item.severity]}
        />
        <Typography id={headingId} component="h3" variant="subtitle1" sx={{ flex: 1, minWidth: 0 }}>
          <Link component={RouterLink} to={itemLink(item)}>
            {item.title}
          </Link>
        </Typography>
        <Link
          component={RouterLink}
          to={`/projects/${encodeURIComponent(item.project)}`}
          aria-label={`Project ${item.project}`}
          variant="body2"
        >
          {item.project}
        </Link>
        {item.step && item.promotion && (
          <Link component={RouterLink} to={itemLink(item)} variant="body2">
            Open step {item.step.index + 1} ({item.step.alias})
          </Link>
        )}
        {action && <AttentionActionButton item={{ ...item, action }} caps={caps} />}
      </Stack>
      {item.detail && (
        <Typography variant="body2" sx={{ mt: 0.5, wordBreak: 'break-word' }}>
          {item.detail}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary">
        {[
          item.since ? `${formatAge(item.since)} ago` : undefined,
          item.freightAlias ?? item.freight?.slice(0, 7),
          item.actor ? `by ${item.actor}` : undefined,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
    </Box>
  );
}

/** Items that need attention, most urgent first, each with the action that helps. */
export function AttentionList({
  items,
  emptyText,
  label,
}: {
  items: readonly AttentionItem[];
  emptyText: string;
  label: string;
}) {
  const caps = useItemCapabilities(items);
  if (items.length === 0)
    return (
      <Alert severity="success" role="status">
        {emptyText}
      </Alert>
    );
  return (
    <Box component="ul" aria-label={label} sx={{ p: 0, m: 0, display: 'grid', gap: 1 }}>
      {items.map((i) => (
        <ItemRow key={`${i.project}/${i.id}`} item={i} caps={caps.get(i.project)} />
      ))}
    </Box>
  );
}
