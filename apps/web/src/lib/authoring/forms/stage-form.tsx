import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ANNOTATIONS } from '@wharf/shared';
import { useState } from 'react';
import { parse, stringify } from 'yaml';
import { AddButton, RemoveButton } from './controls';
import { getIn, setIn, type Json } from '../object-edit';
import { STEP_CATALOGUE, stepSpec } from './step-catalogue';
import { StepForm } from './step-form';

/** Stage colours offered in the form (any CSS colour can be typed instead). */
export const STAGE_COLORS: [string, string][] = [
  ['Blue', '#1565c0'],
  ['Green', '#2e7d32'],
  ['Teal', '#00796b'],
  ['Purple', '#6a1b9a'],
  ['Orange', '#e65100'],
  ['Red', '#c62828'],
  ['Brown', '#5d4037'],
  ['Grey', '#546e7a'],
];

interface Props {
  stage: Json;
  onChange: (stage: Json) => void;
  disabled: boolean;
  /** Warehouses and other stages of the project, for the pipeline's shape. */
  warehouses: string[];
  stages: string[];
  /** Name is editable only while creating. */
  creating: boolean;
}

function OtherStepYaml({
  config,
  onChange,
  disabled,
  label,
}: {
  config: unknown;
  onChange: (c: unknown) => void;
  disabled: boolean;
  label: string;
}) {
  const [text, setText] = useState(() => (config === undefined ? '' : stringify(config)));
  const [error, setError] = useState('');
  return (
    <TextField
      multiline
      minRows={3}
      size="small"
      label={label}
      disabled={disabled}
      value={text}
      error={!!error}
      helperText={error || 'Config as YAML'}
      slotProps={{ htmlInput: { spellCheck: false } }}
      onChange={(e) => {
        setText(e.target.value);
        try {
          onChange(e.target.value.trim() ? (parse(e.target.value) as unknown) : undefined);
          setError('');
        } catch (err) {
          setError(err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err));
        }
      }}
    />
  );
}

function Steps({ stage, onChange, disabled }: Pick<Props, 'stage' | 'onChange' | 'disabled'>) {
  const path = ['spec', 'promotionTemplate', 'spec', 'steps'];
  const steps = (getIn(stage, path) as Json[] | undefined) ?? [];
  const setSteps = (next: Json[]) => onChange(setIn(stage, path, next.length ? next : undefined));
  const [adding, setAdding] = useState('');
  return (
    <Stack sx={{ gap: 1.5 }}>
      <Typography variant="subtitle1" component="h3">
        Promotion steps
      </Typography>
      {steps.length === 0 && (
        <Typography color="text.secondary" variant="body2">
          No steps: this is a control-flow stage (freight passes through once verified upstream).
        </Typography>
      )}
      {steps.map((step, i) => {
        const spec = stepSpec(typeof step.uses === 'string' ? step.uses : undefined);
        const name = `Step ${i + 1}`;
        const set = (p: (string | number)[], v: unknown) =>
          setSteps(steps.map((s, j) => (j === i ? setIn(s, p, v) : s)));
        return (
          <Paper
            key={i}
            variant="outlined"
            sx={{ p: 1.5 }}
            aria-label={`${name}: ${String(step.uses ?? step.task ?? '')}`}
            role="group"
          >
            <Stack direction="row" sx={{ gap: 1, alignItems: 'center', mb: 1 }}>
              <Typography sx={{ flex: 1 }}>
                {name}: <b>{String(step.uses ?? 'task')}</b>
                {spec ? ` · ${spec.title}` : ''}
              </Typography>
              <TextField
                size="small"
                label="Alias (as)"
                disabled={disabled}
                value={typeof step.as === 'string' ? step.as : ''}
                onChange={(e) => set(['as'], e.target.value)}
                slotProps={{ htmlInput: { 'aria-label': `${name} alias` } }}
              />
              <IconButton
                size="small"
                disabled={disabled || i === 0}
                aria-label={`Move ${name} up`}
                onClick={() =>
                  setSteps(
                    steps.map((s, j) =>
                      j === i - 1 ? steps[i] : j === i ? steps[i - 1] : s,
                    ) as Json[],
                  )
                }
              >
                ↑
              </IconButton>
              <RemoveButton
                disabled={disabled}
                label={`Remove ${name}`}
                onClick={() => setSteps(steps.filter((_s, j) => j !== i))}
              />
            </Stack>
            {spec ? (
              <StepForm
                fields={spec.fields}
                config={(step.config as Json | undefined) ?? {}}
                onChange={(c) => set(['config'], c)}
                disabled={disabled}
                name={name}
              />
            ) : (
              <OtherStepYaml
                config={step.config}
                onChange={(c) => set(['config'], c)}
                disabled={disabled}
                label={`${name} config`}
              />
            )}
          </Paper>
        );
      })}
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label="Step to add"
          value={adding}
          disabled={disabled}
          onChange={(e) => setAdding(e.target.value)}
          sx={{ minWidth: 280 }}
        >
          {STEP_CATALOGUE.map((s) => (
            <MenuItem key={s.uses} value={s.uses}>
              {s.uses} — {s.title}
            </MenuItem>
          ))}
          <MenuItem value="other">Another step (YAML)…</MenuItem>
        </TextField>
        <Button
          disabled={disabled || !adding}
          onClick={() => {
            const spec = stepSpec(adding);
            setSteps([
              ...steps,
              spec
                ? { uses: spec.uses, config: structuredClone(spec.template) }
                : { uses: 'http', config: {} },
            ]);
            setAdding('');
          }}
        >
          Add step
        </Button>
      </Stack>
    </Stack>
  );
}

function Sources({ stage, onChange, disabled, warehouses, stages }: Omit<Props, 'creating'>) {
  const path = ['spec', 'requestedFreight'];
  const requests = (getIn(stage, path) as Json[] | undefined) ?? [];
  const set = (i: number, p: (string | number)[], v: unknown) =>
    onChange(setIn(stage, [...path, i, ...p], v));
  const self = String(getIn(stage, ['metadata', 'name']) ?? '');
  return (
    <Stack sx={{ gap: 1.5 }}>
      <Typography variant="subtitle1" component="h3">
        Freight and where it comes from
      </Typography>
      {requests.map((r, i) => {
        const name = `Request ${i + 1}`;
        const upstream = (getIn(r, ['sources', 'stages']) as string[] | undefined) ?? [];
        return (
          <Paper key={i} variant="outlined" sx={{ p: 1.5 }} role="group" aria-label={name}>
            <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
              <TextField
                select
                size="small"
                label="Warehouse"
                disabled={disabled}
                value={String(getIn(r, ['origin', 'name']) ?? '')}
                onChange={(e) =>
                  onChange(
                    setIn(stage, [...path, i, 'origin'], {
                      kind: 'Warehouse',
                      name: e.target.value,
                    }),
                  )
                }
                sx={{ minWidth: 180 }}
              >
                {[...new Set([...warehouses, String(getIn(r, ['origin', 'name']) ?? '')])]
                  .filter(Boolean)
                  .map((w) => (
                    <MenuItem key={w} value={w}>
                      {w}
                    </MenuItem>
                  ))}
              </TextField>
              <FormControlLabel
                label="Directly from the warehouse"
                control={
                  <Checkbox
                    disabled={disabled}
                    checked={getIn(r, ['sources', 'direct']) === true}
                    onChange={(e) => set(i, ['sources', 'direct'], e.target.checked || undefined)}
                  />
                }
              />
              <TextField
                select
                size="small"
                label="After stages"
                disabled={disabled}
                value={upstream}
                slotProps={{ select: { multiple: true } }}
                onChange={(e) => {
                  const v = e.target.value as unknown;
                  set(i, ['sources', 'stages'], Array.isArray(v) && v.length ? v : undefined);
                }}
                sx={{ minWidth: 200 }}
              >
                {[...new Set([...stages.filter((s) => s !== self), ...upstream])].map((s) => (
                  <MenuItem key={s} value={s}>
                    {s}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                size="small"
                label="Soak time"
                placeholder="e.g. 1h"
                disabled={disabled}
                value={String(getIn(r, ['sources', 'requiredSoakTime']) ?? '')}
                onChange={(e) => set(i, ['sources', 'requiredSoakTime'], e.target.value)}
                sx={{ width: 120 }}
              />
              <TextField
                select
                size="small"
                label="Upstreams needed"
                disabled={disabled}
                value={String(getIn(r, ['sources', 'availabilityStrategy']) ?? '')}
                onChange={(e) => set(i, ['sources', 'availabilityStrategy'], e.target.value)}
                sx={{ minWidth: 160 }}
              >
                <MenuItem value="">One of them</MenuItem>
                <MenuItem value="All">All of them</MenuItem>
              </TextField>
              <RemoveButton
                disabled={disabled || requests.length < 2}
                label={`Remove ${name}`}
                onClick={() =>
                  onChange(
                    setIn(
                      stage,
                      path,
                      requests.filter((_x, j) => j !== i),
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
            setIn(stage, path, [
              ...requests,
              {
                origin: { kind: 'Warehouse', name: warehouses[0] ?? '' },
                sources: { direct: true },
              },
            ]),
          )
        }
      >
        Request freight from another warehouse
      </AddButton>
    </Stack>
  );
}

/** A Stage as a form: name, colour, the pipeline's shape and the promotion steps. */
export function StageForm(props: Props) {
  const { stage, onChange, disabled, creating } = props;
  const colorPath = ['metadata', 'annotations', ANNOTATIONS.color];
  const color = String(getIn(stage, colorPath) ?? '');
  return (
    <Stack sx={{ gap: 2.5 }}>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
        <TextField
          size="small"
          label="Stage name"
          required
          disabled={disabled || !creating}
          value={String(getIn(stage, ['metadata', 'name']) ?? '')}
          onChange={(e) => onChange(setIn(stage, ['metadata', 'name'], e.target.value))}
        />
        <Stack direction="row" role="radiogroup" aria-label="Stage colour" sx={{ gap: 0.5 }}>
          {STAGE_COLORS.map(([label, value]) => (
            <Box
              key={value}
              component="button"
              type="button"
              role="radio"
              aria-checked={color === value}
              aria-label={label}
              disabled={disabled}
              onClick={() => onChange(setIn(stage, colorPath, color === value ? undefined : value))}
              sx={{
                width: 24,
                height: 24,
                borderRadius: '50%',
                bgcolor: value,
                border: 2,
                borderColor: color === value ? 'text.primary' : 'transparent',
                cursor: 'pointer',
              }}
            />
          ))}
        </Stack>
        <TextField
          size="small"
          label="Colour"
          placeholder="#1565c0"
          disabled={disabled}
          value={color}
          onChange={(e) => onChange(setIn(stage, colorPath, e.target.value))}
          sx={{ width: 130 }}
        />
      </Stack>
      <Sources {...props} />
      <Steps stage={stage} onChange={onChange} disabled={disabled} />
    </Stack>
  );
}
