import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { AddButton, RemoveButton } from './controls';
import { getIn, setIn, type Json } from '../object-edit';
import type { Column, StepField } from './step-catalogue';

interface Props {
  fields: StepField[];
  config: Json;
  onChange: (config: Json) => void;
  disabled: boolean;
  /** Prefix for accessible names, e.g. "Step 2". */
  name: string;
}

function TableField({
  field,
  rows,
  onChange,
  disabled,
  name,
}: {
  field: Extract<StepField, { kind: 'table' }>;
  rows: Json[];
  onChange: (rows: Json[] | undefined) => void;
  disabled: boolean;
  name: string;
}) {
  const cell = (row: Json, i: number, c: Column) => {
    const label = `${name} ${field.label} ${i + 1} ${c.label}`;
    const set = (v: unknown) => onChange(rows.map((r, j) => (j === i ? setIn(r, [c.key], v) : r)));
    return c.kind === 'bool' ? (
      <Checkbox
        size="small"
        disabled={disabled}
        checked={row[c.key] === true}
        onChange={(e) => set(e.target.checked || undefined)}
        slotProps={{ input: { 'aria-label': label } }}
      />
    ) : (
      <TextField
        size="small"
        variant="standard"
        fullWidth
        disabled={disabled}
        value={typeof row[c.key] === 'string' ? row[c.key] : (row[c.key] ?? '')}
        onChange={(e) => set(e.target.value)}
        slotProps={{ htmlInput: { 'aria-label': label } }}
      />
    );
  };
  return (
    <Stack sx={{ gap: 0.5 }}>
      <Typography variant="body2">{field.label}</Typography>
      <Table size="small" aria-label={`${name} ${field.label}`}>
        <TableHead>
          <TableRow>
            {field.columns.map((c) => (
              <TableCell key={c.key}>{c.label}</TableCell>
            ))}
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row, i) => (
            <TableRow key={i}>
              {field.columns.map((c) => (
                <TableCell key={c.key}>{cell(row, i, c)}</TableCell>
              ))}
              <TableCell>
                <RemoveButton
                  disabled={disabled}
                  label={`Remove ${name} ${field.label} ${i + 1}`}
                  onClick={() => onChange(rows.filter((_r, j) => j !== i))}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <AddButton disabled={disabled} onClick={() => onChange([...rows, {}])}>
        Add to {field.label.toLowerCase()}
      </AddButton>
    </Stack>
  );
}

function MapField({
  entries,
  onChange,
  disabled,
  label,
}: {
  entries: [string, unknown][];
  onChange: (m: Json) => void;
  disabled: boolean;
  label: string;
}) {
  const rows = entries.map(([key, value]) => ({
    key,
    value: typeof value === 'string' ? value : JSON.stringify(value),
  }));
  return (
    <TableField
      field={{
        kind: 'table',
        key: '',
        label,
        columns: [
          { key: 'key', label: 'Name' },
          { key: 'value', label: 'Value' },
        ],
      }}
      rows={rows}
      disabled={disabled}
      name=""
      onChange={(next) =>
        onChange(Object.fromEntries((next ?? []).map((r) => [String(r.key ?? ''), r.value ?? ''])))
      }
    />
  );
}

/** A promotion step's config as a form, from the catalogue's field list. */
export function StepForm({ fields, config, onChange, disabled, name }: Props) {
  return (
    <Stack sx={{ gap: 1.5 }}>
      {fields.map((f) => {
        const value = f.key ? getIn(config, [f.key]) : config;
        const set = (v: unknown) => onChange(f.key ? setIn(config, [f.key], v) : (v as Json));
        switch (f.kind) {
          case 'bool':
            return (
              <FormControlLabel
                key={f.key}
                label={f.label}
                control={
                  <Checkbox
                    disabled={disabled}
                    checked={value === true}
                    onChange={(e) => set(e.target.checked || undefined)}
                  />
                }
              />
            );
          case 'table':
            return (
              <TableField
                key={f.key}
                field={f}
                rows={Array.isArray(value) ? (value as Json[]) : []}
                onChange={set}
                disabled={disabled}
                name={name}
              />
            );
          case 'map':
            return (
              <MapField
                key={f.key || 'map'}
                label={f.label}
                entries={Object.entries((value ?? {}) as Json)}
                onChange={set}
                disabled={disabled}
              />
            );
          default:
            return (
              <TextField
                key={f.key}
                size="small"
                label={`${f.label}`}
                required={f.kind === 'text' && f.required === true}
                helperText={f.help}
                disabled={disabled}
                type={f.kind === 'number' ? 'number' : 'text'}
                value={value === undefined ? '' : String(value)}
                onChange={(e) =>
                  set(
                    f.kind === 'number' && e.target.value ? Number(e.target.value) : e.target.value,
                  )
                }
                slotProps={{ htmlInput: { 'aria-label': `${name} ${f.label}` } }}
              />
            );
        }
      })}
    </Stack>
  );
}
