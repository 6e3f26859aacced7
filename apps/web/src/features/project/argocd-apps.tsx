import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { safeLinkUrl } from '@wharf/shared';
import type { ArgoCdApp } from '@wharf/shared/api';
import { argoHealthColor } from './phase-style';
import { worstArgoCdApp } from './stage-node-layout';

const describe = (a: ArgoCdApp) =>
  `${a.namespace}/${a.name}: ${a.health ?? 'health unknown'}${a.sync ? `, ${a.sync}` : ''}${
    a.healthMessage ? ` (${a.healthMessage})` : ''
  }`;

function AppChip({ app, label, title }: { app: ArgoCdApp; label: string; title: string }) {
  const href = safeLinkUrl(app.url);
  const common = {
    size: 'small' as const,
    variant: 'outlined' as const,
    color: argoHealthColor(app.health),
    label,
    sx: { maxWidth: 260, bgcolor: 'background.paper' },
  };
  return (
    <Tooltip title={title}>
      {href ? (
        <Chip
          {...common}
          component="a"
          href={href}
          target="_blank"
          rel="noopener noreferrer"
          clickable
          className="nodrag"
          aria-label={`Open ${app.name} in Argo CD: ${app.health ?? 'health unknown'}`}
        />
      ) : (
        <Chip {...common} aria-label={`Argo CD application ${describe(app)}`} />
      )}
    </Tooltip>
  );
}

/**
 * A stage's Argo CD applications with their health, each linking to Argo CD when its URL is
 * configured. `compact` (stage nodes) shows one chip coloured by the least healthy application;
 * with several it only summarises, the drawer lists and links them all.
 */
export function ArgoCdApps({ apps, compact = false }: { apps: ArgoCdApp[]; compact?: boolean }) {
  const worst = worstArgoCdApp(apps);
  if (!worst) return null;
  if (compact && apps.length > 1)
    return (
      <Tooltip title={apps.map(describe).join('; ')}>
        <Chip
          size="small"
          variant="outlined"
          color={argoHealthColor(worst.health)}
          label={`Argo CD ×${apps.length}`}
          aria-label={`Argo CD: ${apps.map(describe).join('; ')}`}
          sx={{ bgcolor: 'background.paper' }}
        />
      </Tooltip>
    );
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap', minWidth: 0 }}>
      {(compact ? [worst] : apps).map((a) => (
        <AppChip
          key={`${a.namespace}/${a.name}`}
          app={a}
          label={compact ? 'Argo CD' : `${a.name} · ${a.health ?? 'Unknown'}`}
          title={describe(a)}
        />
      ))}
    </Stack>
  );
}
