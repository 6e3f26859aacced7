import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { type ClaimRow, WELL_KNOWN_CLAIMS, claimRowProblem } from './claims-draft';

interface Props {
  rows: ClaimRow[];
  onChange: (rows: ClaimRow[]) => void;
  disabled: boolean;
}

/** Any claim name with any number of values; rows of claims Wharf does not know are edited like any other. */
export function ClaimsEditor({ rows, onChange, disabled }: Props) {
  const set = (i: number, patch: Partial<ClaimRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Stack component="fieldset" sx={{ gap: 1.5, border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="h6">
        Claims (who maps to this role)
      </Typography>
      {rows.length === 0 && (
        <Typography color="text.secondary">
          No claims: no signed-in user maps to this role.
        </Typography>
      )}
      {rows.map((r, i) => {
        const problem = claimRowProblem(r);
        return (
          <Stack key={i} direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
            <Autocomplete
              freeSolo
              options={WELL_KNOWN_CLAIMS}
              value={r.name}
              onInputChange={(_e, name) => set(i, { name })}
              disabled={disabled}
              sx={{ width: 220 }}
              renderInput={(params) => (
                <TextField {...params} size="small" label={`Claim ${i + 1} name`} />
              )}
            />
            <TextField
              size="small"
              label={`Claim ${i + 1} values`}
              value={r.text}
              onChange={(e) => set(i, { text: e.target.value })}
              disabled={disabled}
              error={Boolean(problem)}
              helperText={problem ?? 'Separate values with commas'}
              sx={{ flex: 1 }}
            />
            <IconButton
              aria-label={`Remove claim ${i + 1}${r.name ? ` (${r.name})` : ''}`}
              onClick={() => onChange(rows.filter((_r, j) => j !== i))}
              disabled={disabled}
            >
              <span aria-hidden="true">✕</span>
            </IconButton>
          </Stack>
        );
      })}
      <div>
        <Button
          size="small"
          onClick={() => onChange([...rows, { name: 'groups', text: '' }])}
          disabled={disabled}
        >
          Add claim
        </Button>
      </div>
    </Stack>
  );
}
