import Alert from '@mui/material/Alert';
import { useQueries } from '@tanstack/react-query';
import type { AttentionItem, AttentionSeverity } from '@wharf/shared';
import type { Capabilities } from '@wharf/shared/api';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { stagesCapabilitiesQuery } from '@/lib/api/project';
import { formatAge } from '@/lib/time';
import { AttentionActionButton } from './attention-action';
import { itemLink } from './attention-kinds';
import './attention-list.css';

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
    <li className="attention-item" data-severity={item.severity} aria-labelledby={headingId}>
      <div className="attention-head">
        <span className="attention-severity">{SEVERITY_WORD[item.severity]}</span>
        <h3 id={headingId} className="attention-title">
          <RouterLink className="attention-link" to={itemLink(item)}>
            {item.title}
          </RouterLink>
        </h3>
        <RouterLink
          className="attention-link attention-small"
          to={`/projects/${encodeURIComponent(item.project)}`}
          aria-label={`Project ${item.project}`}
        >
          {item.project}
        </RouterLink>
        {item.step && item.promotion && (
          <RouterLink className="attention-link attention-small" to={itemLink(item)}>
            Open step {item.step.index + 1} ({item.step.alias})
          </RouterLink>
        )}
        {action && <AttentionActionButton item={{ ...item, action }} caps={caps} />}
      </div>
      {item.detail && <p className="attention-detail">{item.detail}</p>}
      <p className="attention-meta">
        {[
          item.since ? `${formatAge(item.since)} ago` : undefined,
          item.freightAlias ?? item.freight?.slice(0, 7),
          item.actor ? `by ${item.actor}` : undefined,
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
    </li>
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
    <ul className="attention-list" aria-label={label}>
      {items.map((i) => (
        <ItemRow key={`${i.project}/${i.id}`} item={i} caps={caps.get(i.project)} />
      ))}
    </ul>
  );
}
