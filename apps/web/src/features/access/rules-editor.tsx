import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import ListSubheader from '@mui/material/ListSubheader';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { RESOURCE_TYPES, qualifiedResource, verbsFor } from './resource-catalog';
import type { RuleCell } from './rule-cells';
import { type RuleRow, rowProblem } from './rules-draft';

interface Props {
  rows: RuleRow[];
  kept: RuleCell[];
  onChange: (rows: RuleRow[]) => void;
  disabled: boolean;
}

const groupLabel = (g: string) => (g === '' ? 'core' : g);
const GROUPS = [...new Set(RESOURCE_TYPES.map((r) => r.group))];

function resourceOptions() {
  return GROUPS.flatMap((g) => [
    <ListSubheader key={`h-${g}`}>API group {groupLabel(g)}</ListSubheader>,
    ...RESOURCE_TYPES.filter((r) => r.group === g).map((r) => (
      <MenuItem key={r.resource} value={r.resource} disabled={r.clusterScoped}>
        {r.resource} ({r.kind}){r.clusterScoped ? ': cluster-scoped, needs a ClusterRole' : ''}
      </MenuItem>
    )),
  ]);
}

/** Permission rows: resource (with its API group), optional object name, verbs incl. `promote` on stages. */
export function RulesEditor({ rows, kept, onChange, disabled }: Props) {
  const set = (i: number, patch: Partial<RuleRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack component="fieldset" sx={{ gap: 1.5, border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="h6">
        Permissions
      </Typography>
      {rows.map((r, i) => {
        const problem = rowProblem(r);
        const group = RESOURCE_TYPES.find((t) => t.resource === r.resource)?.group;
        return (
          <Stack
            key={i}
            direction="row"
            sx={{ gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}
          >
            <TextField
              select
              size="small"
              label={`Rule ${i + 1} resource`}
              value={r.resource}
              onChange={(e) => {
                const resource = e.target.value;
                const allowed = verbsFor(resource.split('/')[0] ?? '');
                set(i, { resource, verbs: r.verbs.filter((v) => allowed.includes(v)) });
              }}
              disabled={disabled}
              helperText={group === undefined ? ' ' : `API group: ${groupLabel(group)}`}
              sx={{ width: 260 }}
            >
              {resourceOptions()}
            </TextField>
            <TextField
              size="small"
              label={`Rule ${i + 1} object name`}
              placeholder="every object"
              value={r.name}
              onChange={(e) => set(i, { name: e.target.value.trim() })}
              disabled={disabled}
              helperText="optional, e.g. a stage"
              sx={{ width: 180 }}
            />
            <TextField
              select
              size="small"
              label={`Rule ${i + 1} verbs`}
              value={r.verbs}
              slotProps={{
                select: {
                  multiple: true,
                  renderValue: (v) => (v as string[]).join(', '),
                },
              }}
              onChange={(e) => {
                const v = e.target.value as unknown as string[] | string;
                set(i, { verbs: typeof v === 'string' ? v.split(',') : v });
              }}
              disabled={disabled || !r.resource}
              error={Boolean(problem)}
              helperText={problem ?? ' '}
              sx={{ flex: 1, minWidth: 220 }}
            >
              {verbsFor(r.resource.split('/')[0] ?? '').map((v) => (
                <MenuItem key={v} value={v}>
                  {v === '*' ? '* (every verb)' : v}
                </MenuItem>
              ))}
            </TextField>
            <IconButton
              aria-label={`Remove rule ${i + 1}`}
              onClick={() => onChange(rows.filter((_r, j) => j !== i))}
              disabled={disabled}
            >
              <span aria-hidden="true">✕</span>
            </IconButton>
          </Stack>
        );
      })}
      {kept.length > 0 && (
        <Typography variant="body2" color="text.secondary" component="div">
          Kept as they are (not editable here, never changed by saving):
          <ul>
            {kept.map((c) => (
              <li key={`${c.group}/${c.resource}/${c.name}`}>
                {c.verbs.join(', ')} on {qualifiedResource(c.group, c.resource)}
                {c.name ? ` "${c.name}"` : ''}
              </li>
            ))}
          </ul>
        </Typography>
      )}
      <div>
        <Button
          size="small"
          onClick={() => onChange([...rows, { resource: '', name: '', verbs: [] }])}
          disabled={disabled}
        >
          Add permission
        </Button>
      </div>
    </Stack>
  );
}
