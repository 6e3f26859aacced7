import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SearchHit, SearchKind } from '@wharf/shared/api';
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { searchQuery } from '@/lib/api/search';

const GROUPS: { kind: SearchKind; title: string; path: string }[] = [
  { kind: 'stages', title: 'Stages', path: 'stages' },
  { kind: 'warehouses', title: 'Warehouses', path: 'warehouses' },
  { kind: 'freight', title: 'Freight', path: 'freight' },
  { kind: 'promotions', title: 'Promotions', path: 'promotions' },
];
const PATH: Record<SearchKind, string> = {
  stages: 'stages',
  warehouses: 'warehouses',
  freight: 'freight',
  promotions: 'promotions',
};

export const hitPath = (h: SearchHit) =>
  `/projects/${encodeURIComponent(h.project)}/${PATH[h.kind]}/${encodeURIComponent(h.name)}`;

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
 * The command palette (Ctrl/⌘ K): stages, warehouses, freight (name, alias, tag, chart version,
 * commit SHA or message) and promotions across every project the user may see, grouped, and
 * driven by the keyboard (↑ ↓ to move, Enter to open, Esc to close).
 */
export function CommandPalette({
  onClose,
  project,
}: {
  onClose: () => void;
  /** The project the user is in, offered as a scope. */
  project: string | undefined;
}) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [onlyHere, setOnlyHere] = useState(false);
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
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((i) => Math.min(i + 1, flat.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      open(flat[active]);
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
          label="Search stages, warehouses, freight, promotions"
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
                      {' '}
                      · {h.project}
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
    </Dialog>
  );
}
