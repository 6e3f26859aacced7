import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { KargoRole } from '@wharf/shared/api';
import { useState } from 'react';
import { capabilitiesQuery, type Decision } from '@/lib/api/capabilities';
import { ClaimsEditor } from './claims-editor';
import { PresetPicker } from './preset-picker';
import { roleNameProblem } from './role-name';
import { roleQuery, rolesKey } from './roles-api';
import { RulesEditor } from './rules-editor';
import { draftRules } from './rules-draft';
import { draftOf, draftProblems } from './role-draft';
import { createFromDraft, saveDraft } from './save-role';
import type { RoleDraft } from './role-draft';

interface Props {
  project: string;
  /** The role being edited; absent when creating one. */
  role?: KargoRole;
  decision: Decision;
  onSaved: (name: string) => void;
}

export function RoleForm({ project, role, decision, onSaved }: Props) {
  const [base, setBase] = useState(role);
  const [draft, setDraft] = useState(() => draftOf(role));
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(base));
  const changedElsewhere = JSON.stringify(role) !== JSON.stringify(base);
  // Another admin's change: adopt it when nothing is being edited, otherwise offer it.
  if (changedElsewhere && !dirty) {
    setBase(role);
    setDraft(draftOf(role));
  }
  const stages = [...(useQuery(capabilitiesQuery(project)).data?.stages.names ?? [])].sort();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: async () => {
      if (!role) return createFromDraft(project, draft);
      await saveDraft(project, role, draft);
      return queryClient.fetchQuery({ ...roleQuery(project, role.name), staleTime: 0 });
    },
    meta: { quiet: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: rolesKey(project) }),
    onSuccess: (saved) => {
      setBase(saved);
      setDraft(draftOf(saved));
      onSaved(saved.name);
    },
  });
  const kept = draftRules(role?.rules ?? []).kept;
  const issues = draftProblems(draft, !role);
  const off = !decision.allowed || save.isPending;
  const set = (patch: Partial<RoleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <Stack
      component="form"
      aria-label={role ? `Edit role ${role.name}` : 'New role'}
      sx={{ gap: 3, maxWidth: 1100 }}
      onSubmit={(e) => {
        e.preventDefault();
        if (issues.length === 0) save.mutate();
      }}
    >
      {changedElsewhere && dirty && (
        <Alert
          severity="warning"
          action={
            <Button
              color="inherit"
              onClick={() => {
                setBase(role);
                setDraft(draftOf(role));
              }}
            >
              Discard mine, load theirs
            </Button>
          }
        >
          Someone else changed this role while you were editing it.
        </Alert>
      )}
      {!role && (
        <TextField
          label="Name"
          required
          value={draft.name}
          onChange={(e) => set({ name: e.target.value })}
          error={Boolean(draft.name) && Boolean(roleNameProblem(draft.name))}
          helperText={
            (draft.name && roleNameProblem(draft.name)) ||
            'Names the ServiceAccount, Role and RoleBinding: an RFC 1123 label (a-z, 0-9, "-", at most 63)'
          }
          disabled={off}
          sx={{ maxWidth: 420 }}
        />
      )}
      <TextField
        label="Description"
        value={draft.description}
        onChange={(e) => set({ description: e.target.value })}
        disabled={off}
        multiline
        sx={{ maxWidth: 720 }}
      />
      <ClaimsEditor rows={draft.claims} onChange={(claims) => set({ claims })} disabled={off} />
      <PresetPicker stages={stages} onApply={(rules) => set({ rules })} disabled={off} />
      <RulesEditor
        rows={draft.rules}
        kept={kept}
        onChange={(rules) => set({ rules })}
        disabled={off}
      />
      {issues.length > 0 && (dirty || !role) && (
        <Alert severity="warning" aria-label="Why this cannot be saved yet">
          Cannot save yet:
          <ul style={{ margin: 0 }}>
            {issues.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      )}
      {role && save.isSuccess && !dirty && (
        <Alert severity="success" role="status">
          Saved.
        </Alert>
      )}
      {save.isError && (
        <Alert severity="error" role="alert">
          {save.error.message}
        </Alert>
      )}
      <Stack direction="row" sx={{ gap: 2 }}>
        <Button
          type="submit"
          variant="contained"
          disabled={off || issues.length > 0 || (role && !dirty)}
        >
          {role ? 'Save' : 'Create role'}
        </Button>
        {role && dirty && (
          <Button onClick={() => setDraft(draftOf(base))} disabled={save.isPending}>
            Discard changes
          </Button>
        )}
      </Stack>
    </Stack>
  );
}
