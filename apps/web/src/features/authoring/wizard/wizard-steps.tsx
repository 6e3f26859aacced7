import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { CredentialFields } from '@/lib/authoring/credential-dialog';
import { emptyCredential } from '@/lib/authoring/credential-draft';
import { AddButton, RemoveButton } from '@/lib/authoring/forms/controls';
import { ProjectConfigForm } from '@/lib/authoring/forms/project-config-form';
import { StageForm } from '@/lib/authoring/forms/stage-form';
import { WarehouseForm } from '@/lib/authoring/forms/warehouse-form';
import type { Json } from '@/lib/authoring/object-edit';
import { newObject } from '../templates';
import type { WizardDraft } from './wizard-draft';

export interface StepProps {
  draft: WizardDraft;
  onChange: (d: WizardDraft) => void;
}

const nameOf = (o: Json) => String((o.metadata as Json | undefined)?.name ?? '');

export function BasicsStep({ draft, onChange }: StepProps) {
  const valid = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(draft.name);
  return (
    <Stack sx={{ gap: 2, maxWidth: 520 }}>
      <TextField
        label="Project name"
        required
        value={draft.name}
        error={!!draft.name && !valid}
        helperText="Also the name of its namespace: lower-case letters, digits and dashes."
        onChange={(e) => onChange({ ...draft, name: e.target.value.trim() })}
      />
      <TextField
        label="Description"
        value={draft.description}
        onChange={(e) => onChange({ ...draft, description: e.target.value })}
      />
    </Stack>
  );
}

export function CredentialsStep({ draft, onChange }: StepProps) {
  const set = (i: number, c: WizardDraft['credentials'][number]) =>
    onChange({ ...draft, credentials: draft.credentials.map((x, j) => (j === i ? c : x)) });
  return (
    <Stack sx={{ gap: 2 }}>
      <Typography color="text.secondary">
        Credentials Kargo needs to read and write your repositories. Values go to Kubernetes only,
        and are not kept in this draft: after a reload, type them again.
      </Typography>
      {draft.credentials.map((c, i) => (
        <Paper
          key={i}
          variant="outlined"
          sx={{ p: 2 }}
          role="group"
          aria-label={`Credential ${i + 1}`}
        >
          <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
            <RemoveButton
              label={`Remove credential ${i + 1}`}
              disabled={false}
              onClick={() =>
                onChange({ ...draft, credentials: draft.credentials.filter((_x, j) => j !== i) })
              }
            />
          </Stack>
          <CredentialFields draft={c} onChange={(next) => set(i, next)} replacing={false} />
        </Paper>
      ))}
      <AddButton
        disabled={false}
        onClick={() =>
          onChange({ ...draft, credentials: [...draft.credentials, emptyCredential()] })
        }
      >
        Add credential
      </AddButton>
    </Stack>
  );
}

export function WarehousesStep({ draft, onChange }: StepProps) {
  return (
    <Stack sx={{ gap: 2 }}>
      {draft.warehouses.map((w, i) => (
        <Paper
          key={i}
          variant="outlined"
          sx={{ p: 2 }}
          role="group"
          aria-label={`Warehouse ${i + 1}`}
        >
          <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
            <RemoveButton
              label={`Remove warehouse ${i + 1}`}
              disabled={false}
              onClick={() =>
                onChange({ ...draft, warehouses: draft.warehouses.filter((_x, j) => j !== i) })
              }
            />
          </Stack>
          <WarehouseForm
            warehouse={w}
            creating
            disabled={false}
            onChange={(next) =>
              onChange({
                ...draft,
                warehouses: draft.warehouses.map((x, j) => (j === i ? next : x)),
              })
            }
          />
        </Paper>
      ))}
      <AddButton
        disabled={false}
        onClick={() =>
          onChange({
            ...draft,
            warehouses: [...draft.warehouses, newObject('warehouses', undefined)],
          })
        }
      >
        Add warehouse
      </AddButton>
    </Stack>
  );
}

export function StagesStep({ draft, onChange }: StepProps) {
  const warehouses = draft.warehouses.map(nameOf).filter(Boolean);
  const stages = draft.stages.map(nameOf).filter(Boolean);
  const addStage = () => {
    const stage = newObject('stages', undefined, { warehouse: warehouses[0] ?? '' });
    const previous = stages.at(-1);
    const shaped = previous
      ? {
          ...stage,
          spec: {
            ...(stage.spec as Json),
            requestedFreight: [
              {
                origin: { kind: 'Warehouse', name: warehouses[0] ?? '' },
                sources: { stages: [previous] },
              },
            ],
          },
        }
      : stage;
    onChange({ ...draft, stages: [...draft.stages, shaped] });
  };
  return (
    <Stack sx={{ gap: 2 }}>
      <Typography color="text.secondary">
        Each stage takes freight directly from a warehouse or after other stages: that is the
        pipeline’s shape. A new stage starts after the previous one.
      </Typography>
      {draft.stages.map((s, i) => (
        <Paper key={i} variant="outlined" sx={{ p: 2 }} role="group" aria-label={`Stage ${i + 1}`}>
          <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
            <RemoveButton
              label={`Remove stage ${i + 1}`}
              disabled={false}
              onClick={() =>
                onChange({ ...draft, stages: draft.stages.filter((_x, j) => j !== i) })
              }
            />
          </Stack>
          <StageForm
            stage={s}
            creating
            disabled={false}
            warehouses={warehouses}
            stages={stages}
            onChange={(next) =>
              onChange({ ...draft, stages: draft.stages.map((x, j) => (j === i ? next : x)) })
            }
          />
        </Paper>
      ))}
      <AddButton disabled={false} onClick={addStage}>
        Add stage
      </AddButton>
    </Stack>
  );
}

export function PoliciesStep({ draft, onChange }: StepProps) {
  const config = { spec: { promotionPolicies: draft.policies } };
  return (
    <ProjectConfigForm
      config={config}
      disabled={false}
      stages={draft.stages.map(nameOf).filter(Boolean)}
      onChange={(c) =>
        onChange({
          ...draft,
          policies: ((c.spec as Json | undefined)?.promotionPolicies as Json[] | undefined) ?? [],
        })
      }
    />
  );
}
