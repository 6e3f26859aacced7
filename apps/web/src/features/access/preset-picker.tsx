import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { PRESETS, type PresetId, presetRows } from './presets';
import type { RuleRow } from './rules-draft';

interface Props {
  stages: string[];
  onApply: (rows: RuleRow[]) => void;
  disabled: boolean;
}

/** Replaces the editable permissions with a preset (rules kept aside stay as they are). */
export function PresetPicker({ stages, onApply, disabled }: Props) {
  const [id, setId] = useState<PresetId>('viewer');
  const [chosen, setChosen] = useState<string[]>([]);
  const needsStages = id === 'promoter';
  const help = PRESETS.find((p) => p.id === id)?.help;
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <TextField
        select
        size="small"
        label="Preset"
        value={id}
        onChange={(e) => setId(e.target.value as PresetId)}
        helperText={help}
        disabled={disabled}
        sx={{ width: 300 }}
      >
        {PRESETS.map((p) => (
          <MenuItem key={p.id} value={p.id}>
            {p.label}
          </MenuItem>
        ))}
      </TextField>
      {needsStages && (
        <TextField
          select
          size="small"
          label="Stages to promote to"
          value={chosen}
          slotProps={{
            select: { multiple: true, renderValue: (v) => (v as string[]).join(', ') },
          }}
          onChange={(e) => {
            const v = e.target.value as unknown as string[] | string;
            setChosen(typeof v === 'string' ? v.split(',') : v);
          }}
          helperText={chosen.length ? ' ' : 'Choose at least one stage'}
          disabled={disabled}
          sx={{ minWidth: 220 }}
        >
          {stages.map((s) => (
            <MenuItem key={s} value={s}>
              {s}
            </MenuItem>
          ))}
        </TextField>
      )}
      <Button
        variant="outlined"
        onClick={() => onApply(presetRows(id, chosen))}
        disabled={disabled || (needsStages && chosen.length === 0)}
      >
        Use preset
      </Button>
    </Stack>
  );
}
