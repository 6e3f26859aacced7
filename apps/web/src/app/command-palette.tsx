import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchHit, SearchKind } from '@wharf/shared/api';
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { searchQuery } from '@/lib/api/search';
import { comparePath } from '@/lib/compare-path';

const GROUPS: { kind: SearchKind; title: string }[] = [
  { kind: 'projects', title: 'Projects' },
  { kind: 'stages', title: 'Stages' },
  { kind: 'warehouses', title: 'Warehouses' },
  { kind: 'freight', title: 'Freight' },
  { kind: 'promotions', title: 'Promotions' },
];

export const hitPath = (h: SearchHit) =>
  h.kind === 'projects'
    ? `/projects/${encodeURIComponent(h.project)}`
    : `/projects/${encodeURIComponent(h.project)}/${h.kind}/${encodeURIComponent(h.name)}`;

/**
 * Compare a freight found. On that project's compare page it fills the side left empty (B when
 * both are set); elsewhere it is B, and the page proposes the freight before it as A.
 */
function compareHitPath(h: SearchHit, here: { pathname: string; search: string }): string {
  const name = h.alias ?? h.name;
  const q = new URLSearchParams(here.search);
  const [a, b] = [q.get('a') ?? '', q.get('b') ?? ''];
  if (here.pathname !== comparePath(h.project, {})) return comparePath(h.project, { b: name });
  return comparePath(h.project, a === '' && b !== '' ? { a: name, b } : { a, b: name });
}

/** The text settles for a moment before it is asked: one request per pause, not per key. */
function useSettled(value: string, ms = 150): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/**
 * The command palette (Ctrl/⌘ K, or `/` in a project to search it): projects, stages, warehouses,
 * freight (name, alias, tag, chart version, commit SHA or message) and promotions across every
 * project the user may see, grouped, and driven by the keyboard (↑ ↓ to move, Enter to open,
 * Shift Enter to compare a freight, Esc to close).
 */
export function CommandPalette({
  onClose,
  project,
  onlyInProject = false,
}: {
  onClose: () => void;
  /** The project the user is in, offered as a scope. */
  project: string | undefined;
  /** Start scoped to `project` (opened with `/` in a project). */
  onlyInProject?: boolean;
}) {
  const navigate = useNavigate();
  const location = useLocation();
  const [text, setText] = useState('');
  const [onlyHere, setOnlyHere] = useState(onlyInProject && project !== undefined);
  // The highlighted option, reset whenever new results arrive.
  const [sel, setSel] = useState<{ of: unknown; i: number }>({ of: undefined, i: 0 });
  const q = useSettled(text.trim());
  const scope = onlyHere ? project : undefined;
  const result = useQuery({
    ...searchQuery(q, scope),
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
  const listId = useId();
  const data = q === '' ? undefined : result.data;
  const flat = useMemo(() => (data ? GROUPS.flatMap((g) => data.groups[g.kind]) : []), [data]);
  const active = sel.of === data ? sel.i : 0;
  const setActive = (f: (i: number) => number) => setSel({ of: data, i: f(active) });
  /** Where each group's options start in the flat list (for ids and the highlight). */
  const starts = GROUPS.reduce<number[]>(
    (acc, g, i) => [...acc, (acc[i] ?? 0) + (data?.groups[g.kind].length ?? 0)],
    [0],
  );
  const open = (h: SearchHit | undefined) => {
    if (!h) return;
    onClose();
    void navigate(hitPath(h));
  };
  const chosen = flat[active];
  const compare = (h: SearchHit | undefined) => {
    if (h?.kind !== 'freight') return;
    onClose();
    void navigate(compareHitPath(h, location));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, flat.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter' && e.shiftKey) {
      e.preventDefault();
      compare(chosen);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(chosen);
    }
  };
  const optionId = (i: number) => `${listId}-o${i}`;
  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="sm"
      aria-label="Search everything"
      slotProps={{ paper: { sx: { alignSelf: 'flex-start', mt: 8 } } }}
    >
      <Box sx={{ p: 2, pb: 1 }}>
        <TextField
          autoFocus
          fullWidth
          label="Search projects, stages, warehouses, freight, promotions"
          placeholder="Name, alias, image tag, chart version, commit SHA or message"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
          slotProps={{
            htmlInput: {
              role: 'combobox',
              'aria-expanded': flat.length > 0,
              'aria-controls': listId,
              'aria-autocomplete': 'list',
              'aria-activedescendant': flat.length > 0 ? optionId(active) : undefined,
            },
          }}
        />
        {project && (
          <FormControlLabel
            control={
              <Checkbox checked={onlyHere} onChange={(e) => setOnlyHere(e.target.checked)} />
            }
            label={`Only in ${project}`}
          />
        )}
      </Box>
      {result.isFetching && <LinearProgress aria-label="Searching" />}
      <Box
        id={listId}
        role="listbox"
        aria-label="Search results"
        sx={{ maxHeight: '60vh', overflow: 'auto', px: 1, pb: 1 }}
      >
        {GROUPS.map((g, gi) => {
          const hits = data?.groups[g.kind] ?? [];
          if (hits.length === 0) return null;
          const total = data?.totals[g.kind] ?? hits.length;
          return (
            <Box key={g.kind} role="group" aria-label={g.title}>
              <Typography variant="overline" component="div" sx={{ px: 1 }} aria-hidden>
                {g.title}
                {total > hits.length ? ` · ${hits.length} of ${total}` : ''}
              </Typography>
              {hits.map((h, hi) => {
                const i = (starts[gi] ?? 0) + hi;
                return (
                  <Box
                    key={`${h.project}/${h.name}`}
                    id={optionId(i)}
                    role="option"
                    aria-selected={i === active}
                    onMouseEnter={() => setActive(() => i)}
                    onClick={() => open(h)}
                    sx={{
                      px: 1,
                      py: 0.5,
                      borderRadius: 1,
                      cursor: 'pointer',
                      bgcolor: i === active ? 'action.selected' : undefined,
                    }}
                  >
                    <Typography variant="body1" component="span">
                      {h.alias ?? h.name}
                    </Typography>
                    <Typography variant="body2" color="text.secondary" component="span">
                      {h.kind === 'projects' ? '' : ` · ${h.project}`}
                      {h.detail ? ` · ${h.detail}` : ''}
                    </Typography>
                  </Box>
                );
              })}
            </Box>
          );
        })}
        {data && flat.length === 0 && (
          <Typography role="status" sx={{ p: 1 }} color="text.secondary">
            Nothing matches “{q}” in the {data.projects} projects you may see.
          </Typography>
        )}
        {result.isError && (
          <Typography role="alert" sx={{ p: 1 }} color="error">
            {result.error.message}
          </Typography>
        )}
      </Box>
      {chosen?.kind === 'freight' && (
        <Box sx={{ px: 2, pb: 1.5, display: 'flex', gap: 1, alignItems: 'center' }}>
          <Button
            size="small"
            variant="outlined"
            sx={{ textTransform: 'none' }}
            onClick={() => compare(chosen)}
          >
            Compare {chosen.alias ?? chosen.name} with…
          </Button>
          <Typography variant="caption" color="text.secondary">
            Shift Enter
          </Typography>
        </Box>
      )}
    </Dialog>
  );
}
