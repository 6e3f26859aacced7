import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { safeLinkUrl } from '@wharf/shared';
import type { ArgoCdApp } from '@wharf/shared/api';
import { argoHealthColor } from './phase-style';
import { argoCdAppLabel, describeArgoCdApp } from './stage-node-layout';

function AppChip({ app }: { app: ArgoCdApp }) {
  const href = safeLinkUrl(app.url);
  const common = {
    size: 'small' as const,
    variant: 'outlined' as const,
    color: argoHealthColor(app.health),
    label: `${app.name} · ${app.health ?? 'Unknown'}`,
    sx: { maxWidth: 260, bgcolor: 'background.paper' },
    'aria-label': argoCdAppLabel(app, Boolean(href)),
  };
  return (
    <Tooltip title={describeArgoCdApp(app)}>
      {href ? (
        <Chip
          {...common}
          component="a"
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          clickable
        />
      ) : (
        <Chip {...common} />
      )}
    </Tooltip>
  );
}

/**
 * A stage's Argo CD applications with their health, each linking to Argo CD when its URL is
 * configured (the stage drawer; the graph's nodes show one badge, ArgoCdBadge).
 */
export function ArgoCdApps({ apps }: { apps: ArgoCdApp[] }) {
  if (apps.length === 0) return null;
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap', minWidth: 0 }}>
      {apps.map((a) => (
        <AppChip key={`${a.namespace}/${a.name}`} app={a} />
      ))}
    </Stack>
  );
}
