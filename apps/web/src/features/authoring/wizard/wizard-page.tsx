import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepButton from '@mui/material/StepButton';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { CreateProjectRefusalSchema, type CreateProjectRefusal } from '@wharf/shared/authoring';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { stringify } from 'yaml';
import { createProject } from '@/lib/authoring/authoring-api';
import { YamlEditor } from '@/lib/authoring/yaml-editor';
import { GuardedButton } from '@/lib/guarded-button';
import { HttpError } from '@/lib/http';
import { useClusterDecision } from '../use-decision';
import {
  createProjectRequest,
  draftObjects,
  forgetDraft,
  loadDraft,
  saveDraft,
  stepOfPart,
  WIZARD_STEPS,
  type WizardDraft,
} from './wizard-draft';
import {
  BasicsStep,
  CredentialsStep,
  PoliciesStep,
  StagesStep,
  WarehousesStep,
  type StepProps,
} from './wizard-steps';

const STEP_VIEWS: ((p: StepProps) => React.ReactNode)[] = [
  BasicsStep,
  CredentialsStep,
  WarehousesStep,
  StagesStep,
  PoliciesStep,
];

function Refusal({ r, message }: { r: CreateProjectRefusal; message: string }) {
  return (
    <Alert severity="error" role="alert" sx={{ mb: 2 }}>
      Kubernetes refused {r.failed.kind} {r.failed.name}: {message}
      <List dense aria-label="Refused fields">
        {r.failed.causes.map((c, i) => (
          <ListItem key={i} sx={{ display: 'list-item' }}>
            {c.field ? <code>{c.field}</code> : null} {c.message}
          </ListItem>
        ))}
      </List>
      {r.leftBehind.length > 0
        ? `Could not remove again: ${r.leftBehind.map((x) => `${x.kind} ${x.name}`).join(', ')}.`
        : 'Nothing of the project was kept.'}
    </Alert>
  );
}

/**
 * New project in steps, with the YAML it makes beside every step. The draft lives in
 * localStorage under the id in the URL (`?draft=`), the step in `?step=`: a reload loses nothing.
 */
export function WizardPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const id = params.get('draft') ?? '';
  const step = Math.min(Math.max(Number(params.get('step') ?? 0) || 0, 0), WIZARD_STEPS.length - 1);
  const [draft, setDraft] = useState<WizardDraft>(() => loadDraft(id));
  const [refusal, setRefusal] = useState<{
    r: CreateProjectRefusal;
    message: string;
    step: number;
  }>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const decision = useClusterDecision('createProject');

  useEffect(() => {
    if (!id)
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('draft', crypto.randomUUID().slice(0, 8));
          return next;
        },
        { replace: true },
      );
  }, [id, setParams]);
  useEffect(() => {
    if (id) saveDraft(id, draft);
  }, [id, draft]);

  const goTo = (n: number) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('step', String(n));
      return next;
    });
  const yamlText = useMemo(
    () =>
      draftObjects(draft)
        .map((o) => stringify(o))
        .join('---\n'),
    [draft],
  );
  const nameOk = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(draft.name);

  const create = async () => {
    setBusy(true);
    setError('');
    setRefusal(undefined);
    try {
      await createProject(createProjectRequest(draft));
      forgetDraft(id);
      void client.invalidateQueries({ queryKey: ['projects'] });
      void navigate(`/projects/${encodeURIComponent(draft.name)}`);
    } catch (err) {
      const details =
        err instanceof HttpError ? CreateProjectRefusalSchema.safeParse(err.details) : undefined;
      if (details?.success && err instanceof Error) {
        const at = stepOfPart(draft, details.data.failed);
        setRefusal({ r: details.data, message: err.message, step: at });
        goTo(at);
      } else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const View = STEP_VIEWS[step];
  return (
    <Box sx={{ p: 3, overflow: 'auto' }}>
      <Typography variant="h5" component="h1" gutterBottom>
        New project
      </Typography>
      {!decision.allowed && (
        <Alert severity="info" sx={{ mb: 2 }}>
          {decision.reason}
        </Alert>
      )}
      <Stepper nonLinear activeStep={step} sx={{ mb: 3 }}>
        {WIZARD_STEPS.map((label, i) => (
          <Step key={label} completed={false}>
            <StepButton onClick={() => goTo(i)}>{label}</StepButton>
          </Step>
        ))}
      </Stepper>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { md: '3fr 2fr' },
          gap: 3,
          alignItems: 'start',
        }}
      >
        <Stack sx={{ gap: 2, minWidth: 0 }} component="section" aria-label={WIZARD_STEPS[step]}>
          <Typography variant="h6" component="h2">
            {WIZARD_STEPS[step]}
          </Typography>
          {refusal && refusal.step === step && <Refusal r={refusal.r} message={refusal.message} />}
          {View ? (
            <View draft={draft} onChange={setDraft} />
          ) : (
            <Stack sx={{ gap: 1 }}>
              <Typography>
                Project <b>{draft.name || '(no name yet)'}</b>: {draft.credentials.length}{' '}
                credential(s), {draft.warehouses.length} warehouse(s), {draft.stages.length}{' '}
                stage(s), {draft.policies.length} promotion policy(ies). Kubernetes checks
                everything before anything is kept.
              </Typography>
              {error && (
                <Alert severity="error" role="alert">
                  {error}
                </Alert>
              )}
            </Stack>
          )}
          <Stack direction="row" sx={{ gap: 1 }}>
            <Button disabled={step === 0} onClick={() => goTo(step - 1)}>
              Back
            </Button>
            {step < WIZARD_STEPS.length - 1 ? (
              <Button
                variant="contained"
                disabled={step === 0 && !nameOk}
                onClick={() => goTo(step + 1)}
              >
                Next
              </Button>
            ) : (
              <GuardedButton
                decision={decision}
                variant="contained"
                size="medium"
                disabled={busy || !nameOk}
                onClick={() => void create()}
              >
                {busy ? 'Creating…' : 'Create project'}
              </GuardedButton>
            )}
          </Stack>
        </Stack>
        <Box
          component="aside"
          aria-label="YAML of the project"
          sx={{ position: { md: 'sticky' }, top: 0 }}
        >
          <Typography variant="subtitle2" component="h2" gutterBottom>
            What will be created
          </Typography>
          <YamlEditor label="YAML of the project" value={yamlText} readOnly minHeight={480} />
        </Box>
      </Box>
    </Box>
  );
}
