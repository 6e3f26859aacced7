import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FreightListItem } from '@wharf/shared/api';
import { useState } from 'react';
import { recentFreightQuery } from '@/lib/api/project';
import { displayName, summarize } from '@/lib/freight';

const matches = (f: FreightListItem, text: string) => {
  const t = text.trim().toLowerCase();
  return (
    !t ||
    f.name.startsWith(t) ||
    (f.alias ?? '').toLowerCase().includes(t) ||
    f.origin.name.toLowerCase().includes(t) ||
    summarize(f).toLowerCase().includes(t)
  );
};

/** Picks a freight of the project by alias, name, origin or version, newest first. */
export function FreightChoice({
  project,
  label,
  value,
  onChange,
}: {
  project: string;
  label: string;
  value: string;
  onChange: (name: string | null) => void;
}) {
  const [text, setText] = useState('');
  const recent = useQuery({
    ...recentFreightQuery(project, text.trim()),
    placeholderData: keepPreviousData,
  });
  const options = (recent.data?.items ?? []).filter((f) => matches(f, text));
  const selected = recent.data?.items.find((f) => f.name === value || f.alias === value) ?? null;
  return (
    <Autocomplete
      sx={{ minWidth: 320, flex: 1 }}
      options={options}
      value={selected}
      loading={recent.isFetching}
      filterOptions={(o) => o}
      getOptionLabel={(f) => `${displayName(f)} · ${f.origin.name}`}
      isOptionEqualToValue={(a, b) => a.name === b.name}
      renderOption={(props, f) => (
        <li {...props} key={f.name}>
          {displayName(f)} · {f.origin.name} · {summarize(f)}
        </li>
      )}
      onInputChange={(_e, v, reason) => {
        if (reason === 'input') setText(v);
      }}
      onChange={(_e, f) => onChange(f ? (f.alias ?? f.name) : null)}
      renderInput={(params) => (
        <TextField {...params} label={label} placeholder="Alias, name, tag, version or commit" />
      )}
    />
  );
}
