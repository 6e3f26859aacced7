import Alert from '@mui/material/Alert';
import { useQuery } from '@tanstack/react-query';
import type { AttentionItem, AttentionSeverity } from '@wharf/shared';
import { useMemo, useRef } from 'react';
import { Link as RouterLink } from 'react-router';
import { projectsCapabilitiesQuery } from '@/lib/api/capabilities';
import { TipLayer } from '@/lib/tip-layer';
import { formatAge } from '@/lib/time';
import { AttentionActionButton, type ItemCapabilities } from './attention-action';
import { itemLink } from './attention-kinds';
import './attention-link.css';
import './attention-list.css';

const SEVERITY_WORD: Record<AttentionSeverity, string> = {
  error: 'Problem',
  warning: 'Warning',
  info: 'Waiting',
};

/** What the user may do in each project the shown items act on (and to their stages): one request. */
function useItemCapabilities(items: readonly AttentionItem[]): Map<string, ItemCapabilities> {
  const entries = useMemo(
    () =>
      items.flatMap((i) =>
        !i.action ? [] : ['stage' in i.action ? `${i.project}/${i.action.stage}` : i.project],
      ),
    [items],
  );
  const { data } = useQuery(projectsCapabilitiesQuery(entries));
  return useMemo(() => {
    const caps = new Map<string, ItemCapabilities>();
    for (const c of data?.items ?? []) caps.set(c.project, c);
    for (const d of data?.denied ?? []) caps.set(d.project, { denied: d.message });
    return caps;
  }, [data]);
}

function ItemRow({ item, caps }: { item: AttentionItem; caps: ItemCapabilities | undefined }) {
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
  draw,
  emptyText,
  label,
}: {
  items: readonly AttentionItem[];
  /** Draw only this many now (the rest follow); permissions are asked for all at once. */
  draw?: number;
  emptyText: string;
  label: string;
}) {
  const caps = useItemCapabilities(items);
  const list = useRef<HTMLUListElement>(null);
  if (items.length === 0)
    return (
      <Alert severity="success" role="status">
        {emptyText}
      </Alert>
    );
  return (
    <>
      <ul ref={list} className="attention-list" aria-label={label}>
        {items.slice(0, draw).map((i) => (
          <ItemRow key={`${i.project}/${i.id}`} item={i} caps={caps.get(i.project)} />
        ))}
      </ul>
      {/* The rows' refused actions show their reasons through it (PlainGuardedButton). */}
      <TipLayer root={list} id="attention-tooltip" />
    </>
  );
}
