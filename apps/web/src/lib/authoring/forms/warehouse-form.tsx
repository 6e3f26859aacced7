import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { RemoveButton } from './controls';
import { getIn, linesOf, listOfLines, setIn, type Json } from '../object-edit';

type SubType = 'git' | 'image' | 'chart';

interface Option {
  key: string;
  label: string;
  kind?: 'bool' | 'number' | 'select' | 'lines';
  values?: string[];
}

// Kargo v1.11 fails discovery of a subscription that still sets allowTags or ignoreTags.
const TAG_RULES: Option[] = [
  { key: 'allowTagsRegexes', label: 'Allowed tags (regexps)', kind: 'lines' },
  { key: 'ignoreTagsRegexes', label: 'Ignored tags (regexps)', kind: 'lines' },
];

/** Options of each subscription type (Kargo v1.11 field names); other fields stay as they are. */
const OPTIONS: Record<SubType, Option[]> = {
  git: [
    { key: 'repoURL', label: 'Repository URL' },
    { key: 'branch', label: 'Branch' },
    {
      key: 'commitSelectionStrategy',
      label: 'Select commits by',
      kind: 'select',
      values: ['NewestFromBranch', 'SemVer', 'Lexical', 'NewestTag'],
    },
    { key: 'semverConstraint', label: 'SemVer constraint' },
    ...TAG_RULES,
    { key: 'discoveryLimit', label: 'Discovery limit', kind: 'number' },
    { key: 'insecureSkipTLSVerify', label: 'Skip TLS verification', kind: 'bool' },
  ],
  image: [
    { key: 'repoURL', label: 'Image repository' },
    {
      key: 'imageSelectionStrategy',
      label: 'Select images by',
      kind: 'select',
      values: ['SemVer', 'Lexical', 'NewestBuild', 'Digest'],
    },
    { key: 'constraint', label: 'Constraint (e.g. ^1.26.0)' },
    ...TAG_RULES,
    { key: 'platform', label: 'Platform (e.g. linux/amd64)' },
    { key: 'discoveryLimit', label: 'Discovery limit', kind: 'number' },
    { key: 'insecureSkipTLSVerify', label: 'Skip TLS verification', kind: 'bool' },
  ],
  chart: [
    { key: 'repoURL', label: 'Chart repository (https:// or oci://)' },
    { key: 'name', label: 'Chart name (not for oci://)' },
    { key: 'semverConstraint', label: 'SemVer constraint' },
    { key: 'discoveryLimit', label: 'Discovery limit', kind: 'number' },
  ],
};

const typeOf = (sub: Json): SubType | undefined =>
  (['git', 'image', 'chart'] as const).find((t) => sub[t] !== undefined);

interface Props {
  warehouse: Json;
  onChange: (w: Json) => void;
  disabled: boolean;
  creating: boolean;
}

/** A Warehouse as a form: what to watch (git, image, chart subscriptions) and how often. */
export function WarehouseForm({ warehouse, onChange, disabled, creating }: Props) {
  const subsPath = ['spec', 'subscriptions'];
  const subs = (getIn(warehouse, subsPath) as Json[] | undefined) ?? [];
  const setSub = (i: number, p: (string | number)[], v: unknown) =>
    onChange(setIn(warehouse, [...subsPath, i, ...p], v));
  return (
    <Stack sx={{ gap: 2 }}>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        <TextField
          size="small"
          label="Warehouse name"
          required
          disabled={disabled || !creating}
          value={String(getIn(warehouse, ['metadata', 'name']) ?? '')}
          onChange={(e) => onChange(setIn(warehouse, ['metadata', 'name'], e.target.value))}
        />
        <TextField
          size="small"
          label="Discovery interval"
          placeholder="5m0s"
          disabled={disabled}
          value={String(getIn(warehouse, ['spec', 'interval']) ?? '')}
          onChange={(e) => onChange(setIn(warehouse, ['spec', 'interval'], e.target.value))}
        />
        <TextField
          select
          size="small"
          label="Freight creation"
          disabled={disabled}
          value={String(getIn(warehouse, ['spec', 'freightCreationPolicy']) ?? 'Automatic')}
          onChange={(e) =>
            onChange(setIn(warehouse, ['spec', 'freightCreationPolicy'], e.target.value))
          }
          sx={{ minWidth: 170 }}
        >
          <MenuItem value="Automatic">Automatic</MenuItem>
          <MenuItem value="Manual">Manual</MenuItem>
        </TextField>
      </Stack>
      <Typography variant="subtitle1" component="h3">
        Subscriptions
      </Typography>
      {subs.map((sub, i) => {
        const type = typeOf(sub);
        const name = `Subscription ${i + 1}`;
        return (
          <Paper
            key={i}
            variant="outlined"
            sx={{ p: 1.5 }}
            role="group"
            aria-label={`${name} (${type ?? 'other'})`}
          >
            <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
              <Typography sx={{ flex: 1 }}>
                {name}: <b>{type ?? Object.keys(sub).join(', ')}</b>
              </Typography>
              <RemoveButton
                label={`Remove ${name}`}
                disabled={disabled}
                onClick={() =>
                  onChange(
                    setIn(
                      warehouse,
                      subsPath,
                      subs.filter((_s, j) => j !== i),
                    ),
                  )
                }
              />
            </Stack>
            {type ? (
              <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
                {OPTIONS[type].map((o) => {
                  const value = getIn(sub, [type, o.key]);
                  const label = `${name} ${o.label}`;
                  if (o.kind === 'bool')
                    return (
                      <FormControlLabel
                        key={o.key}
                        label={o.label}
                        control={
                          <Checkbox
                            disabled={disabled}
                            checked={value === true}
                            onChange={(e) =>
                              setSub(i, [type, o.key], e.target.checked || undefined)
                            }
                          />
                        }
                      />
                    );
                  return (
                    <TextField
                      key={o.key}
                      size="small"
                      select={o.kind === 'select'}
                      multiline={o.kind === 'lines'}
                      placeholder={o.kind === 'lines' ? 'One Go regexp per line' : undefined}
                      label={o.label}
                      disabled={disabled}
                      required={o.key === 'repoURL'}
                      type={o.kind === 'number' ? 'number' : 'text'}
                      // A list field keeps the text as typed (a new empty line included) while
                      // the object gets the list without blank entries.
                      {...(o.kind === 'lines'
                        ? { defaultValue: linesOf(value) }
                        : { value: value === undefined ? '' : String(value) })}
                      onChange={(e) =>
                        setSub(
                          i,
                          [type, o.key],
                          o.kind === 'lines'
                            ? listOfLines(e.target.value)
                            : o.kind === 'number' && e.target.value
                              ? Number(e.target.value)
                              : e.target.value,
                        )
                      }
                      slotProps={{ htmlInput: { 'aria-label': label } }}
                      sx={{ minWidth: o.key === 'repoURL' ? 360 : 180 }}
                    >
                      {o.kind === 'select' && [
                        <MenuItem key="" value="">
                          Kargo's default
                        </MenuItem>,
                        ...(o.values ?? []).map((v) => (
                          <MenuItem key={v} value={v}>
                            {v}
                          </MenuItem>
                        )),
                      ]}
                    </TextField>
                  );
                })}
              </Stack>
            ) : (
              <Typography variant="body2" color="text.secondary">
                Edit this subscription in YAML.
              </Typography>
            )}
          </Paper>
        );
      })}
      <Stack direction="row" sx={{ gap: 1 }}>
        {(['git', 'image', 'chart'] as const).map((t) => (
          <Button
            key={t}
            size="small"
            disabled={disabled}
            onClick={() =>
              onChange(setIn(warehouse, subsPath, [...subs, { [t]: { repoURL: '' } }]))
            }
          >
            Add {t} subscription
          </Button>
        ))}
      </Stack>
    </Stack>
  );
}
