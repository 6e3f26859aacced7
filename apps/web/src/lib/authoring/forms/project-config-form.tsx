import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { AddButton, RemoveButton } from './controls';
import { getIn, setIn, type Json } from '../object-edit';

type Mode = 'name' | 'glob' | 'regex' | 'labels';

/** `stageSelector.name` is an exact name, `glob:<pattern>` or `regex:<pattern>`. */
function modeOf(policy: Json): { mode: Mode; pattern: string } {
  const name = String(getIn(policy, ['stageSelector', 'name']) ?? getIn(policy, ['stage']) ?? '');
  if (name.startsWith('glob:')) return { mode: 'glob', pattern: name.slice(5) };
  if (name.startsWith('regex:')) return { mode: 'regex', pattern: name.slice(6) };
  if (!name && getIn(policy, ['stageSelector', 'matchLabels']))
    return { mode: 'labels', pattern: '' };
  return { mode: 'name', pattern: name };
}

const labelsText = (l: unknown) =>
  Object.entries((l ?? {}) as Record<string, string>)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
const parseLabels = (t: string) =>
  Object.fromEntries(
    t
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => [p.split('=')[0]?.trim() ?? '', p.split('=').slice(1).join('=').trim()]),
  );

interface Props {
  config: Json;
  onChange: (c: Json) => void;
  disabled: boolean;
  /** Stage names of the project, for the exact-name choice. */
  stages: string[];
}

/** ProjectConfig promotion policies: which stages auto-promote, chosen by name, pattern or labels. */
export function ProjectConfigForm({ config, onChange, disabled, stages }: Props) {
  const path = ['spec', 'promotionPolicies'];
  const policies = (getIn(config, path) as Json[] | undefined) ?? [];
  const set = (i: number, next: Json) =>
    onChange(
      setIn(
        config,
        path,
        policies.map((p, j) => (j === i ? next : p)),
      ),
    );
  return (
    <Stack sx={{ gap: 1.5 }}>
      <Typography variant="subtitle1" component="h3">
        Promotion policies
      </Typography>
      <Typography variant="body2" color="text.secondary">
        The first policy whose selector matches a stage decides whether it auto-promotes.
      </Typography>
      {policies.map((p, i) => {
        const { mode, pattern } = modeOf(p);
        const name = `Policy ${i + 1}`;
        const setSelectorName = (m: Mode, v: string) => {
          // The deprecated `stage` field becomes a stageSelector on the first edit.
          const base = setIn(p, ['stage'], undefined);
          const value = m === 'labels' ? undefined : m === 'name' ? v : `${m}:${v}`;
          set(i, setIn(base, ['stageSelector', 'name'], value));
        };
        return (
          <Paper key={i} variant="outlined" sx={{ p: 1.5 }} role="group" aria-label={name}>
            <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
              <TextField
                select
                size="small"
                label={`${name} selects stages by`}
                disabled={disabled}
                value={mode}
                onChange={(e) => setSelectorName(e.target.value as Mode, pattern)}
                sx={{ minWidth: 180 }}
              >
                <MenuItem value="name">Exact name</MenuItem>
                <MenuItem value="glob">Glob pattern</MenuItem>
                <MenuItem value="regex">Regular expression</MenuItem>
                <MenuItem value="labels">Labels only</MenuItem>
              </TextField>
              {mode === 'name' ? (
                <TextField
                  select
                  size="small"
                  label={`${name} stage`}
                  disabled={disabled}
                  value={pattern}
                  onChange={(e) => setSelectorName('name', e.target.value)}
                  sx={{ minWidth: 160 }}
                >
                  {[...new Set([...stages, pattern])].filter(Boolean).map((s) => (
                    <MenuItem key={s} value={s}>
                      {s}
                    </MenuItem>
                  ))}
                </TextField>
              ) : mode !== 'labels' ? (
                <TextField
                  size="small"
                  label={`${name} pattern`}
                  placeholder={mode === 'glob' ? 'dev-*' : '^dev-.*$'}
                  disabled={disabled}
                  value={pattern}
                  onChange={(e) => setSelectorName(mode, e.target.value)}
                />
              ) : null}
              <TextField
                size="small"
                label={`${name} labels`}
                placeholder="tier=dev"
                disabled={disabled}
                defaultValue={labelsText(getIn(p, ['stageSelector', 'matchLabels']))}
                onBlur={(e) =>
                  set(i, setIn(p, ['stageSelector', 'matchLabels'], parseLabels(e.target.value)))
                }
              />
              <FormControlLabel
                label="Auto-promote"
                control={
                  <Checkbox
                    disabled={disabled}
                    checked={getIn(p, ['autoPromotionEnabled']) === true}
                    onChange={(e) => set(i, setIn(p, ['autoPromotionEnabled'], e.target.checked))}
                    slotProps={{ input: { 'aria-label': `${name} auto-promote` } }}
                  />
                }
              />
              <RemoveButton
                label={`Remove ${name}`}
                disabled={disabled}
                onClick={() =>
                  onChange(
                    setIn(
                      config,
                      path,
                      policies.filter((_x, j) => j !== i),
                    ),
                  )
                }
              />
            </Stack>
          </Paper>
        );
      })}
      <AddButton
        disabled={disabled}
        onClick={() =>
          onChange(
            setIn(config, path, [
              ...policies,
              { stageSelector: { name: stages[0] ?? '' }, autoPromotionEnabled: true },
            ]),
          )
        }
      >
        Add policy
      </AddButton>
    </Stack>
  );
}
