import { safeLinkUrl } from '@wharf/shared';
import type { ArgoCdApp } from '@wharf/shared/api';
import { pillProps } from './graph-pill';
import { argoHealthColor } from './phase-style';
import { argoCdAppLabel, describeArgoCdApp, worstArgoCdApp } from './stage-node-layout';

/**
 * A stage node's Argo CD badge, coloured by its least healthy application: a link to it when
 * there is one application with a URL, else a summary (the stage drawer lists and links them all).
 */
export function ArgoCdBadge({ apps }: { apps: readonly ArgoCdApp[] }) {
  const worst = worstArgoCdApp(apps);
  if (!worst) return null;
  const pill = pillProps(argoHealthColor(worst.health), 'outlined');
  if (apps.length > 1) {
    const all = apps.map(describeArgoCdApp).join('; ');
    return (
      <span {...pill} data-tip={all} aria-label={`Argo CD: ${all}`}>
        Argo CD ×{apps.length}
      </span>
    );
  }
  const href = safeLinkUrl(worst.url);
  return href ? (
    <a
      {...pill}
      className="graph-pill nodrag"
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      data-tip={describeArgoCdApp(worst)}
      aria-label={argoCdAppLabel(worst, true)}
    >
      Argo CD
    </a>
  ) : (
    <span {...pill} data-tip={describeArgoCdApp(worst)} aria-label={argoCdAppLabel(worst, false)}>
      Argo CD
    </span>
  );
}
