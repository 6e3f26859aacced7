import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useQuery } from '@tanstack/react-query';
import type { OpenApiSchema } from '@wharf/shared';
import {
  WriteConflictDetailsSchema,
  WriteRefusalDetailsSchema,
  type FieldCause,
  type KubeObject,
} from '@wharf/shared/authoring';
import { useState, type ReactNode } from 'react';
import { parse, stringify } from 'yaml';
import type { Decision } from '@/lib/api/capabilities';
import { HttpError } from '@/lib/http';
import { kindSchemaQuery, writeObject, type ObjectRef } from './authoring-api';
import { ConflictPanel } from './conflict-panel';
import type { Json } from './object-edit';
import { YamlEditor } from './yaml-editor';

export interface ObjectEditorProps {
  target: ObjectRef;
  /** The object as read (editing) or a starting template (creating). */
  initial: Json;
  /** As read from the server, for conflict checks; undefined when creating. */
  base?: KubeObject | undefined;
  decision: Decision;
  /** The form for this kind, if Wharf has one; otherwise YAML only. */
  form?: ((value: Json, onChange: (v: Json) => void, disabled: boolean) => ReactNode) | undefined;
  mode: 'form' | 'yaml';
  onModeChange: (m: 'form' | 'yaml') => void;
  onSaved: (saved: KubeObject) => void;
}

type Outcome =
  | { kind: 'refused'; message: string; causes: FieldCause[] }
  | { kind: 'conflict'; message: string; current: KubeObject }
  | { kind: 'valid'; warnings: string[] }
  | undefined;

/**
 * Form or YAML for one object. Both edit the same whole object, so fields the form has no input
 * for are kept. Saving asks Kubernetes first (dry run); its refusals land on their lines.
 */
export function ObjectEditor(props: ObjectEditorProps) {
  const { target, decision, form, mode } = props;
  const [object, setObject] = useState<Json>(props.initial);
  const [text, setText] = useState(() => stringify(props.initial));
  const [base, setBase] = useState(props.base);
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);
  const schema = useQuery(kindSchemaQuery(target.resource));
  const disabled = !decision.allowed;

  const yamlError = (() => {
    try {
      parse(text);
      return '';
    } catch (err) {
      return err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    }
  })();

  const switchTo = (m: 'form' | 'yaml') => {
    if (m === 'form') {
      try {
        setObject((parse(text) ?? {}) as Json);
      } catch {
        return; // stay in YAML until it parses; the editor shows where
      }
    } else setText(stringify(object));
    props.onModeChange(m);
  };

  const manifest = () => (mode === 'yaml' ? text : stringify(object));

  const submit = async (dryRun: boolean) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const res = await writeObject(target, manifest(), { dryRun, ...(base ? { base } : {}) });
      if (dryRun) setOutcome({ kind: 'valid', warnings: res.warnings });
      else props.onSaved(res.object);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      const conflict = WriteConflictDetailsSchema.safeParse(err.details);
      const refusal = WriteRefusalDetailsSchema.safeParse(err.details);
      if (err.status === 409 && conflict.success)
        setOutcome({ kind: 'conflict', message: err.message, current: conflict.data.current });
      else
        setOutcome({
          kind: 'refused',
          message: err.message,
          causes: refusal.success ? refusal.data.causes : [],
        });
    } finally {
      setBusy(false);
    }
  };

  const markers =
    outcome?.kind === 'refused'
      ? outcome.causes.flatMap((c) => (c.line ? [{ line: c.line, message: c.message }] : []))
      : undefined;

  return (
    <Stack sx={{ gap: 2 }}>
      {!decision.allowed && <Alert severity="info">Read-only: {decision.reason}</Alert>}
      {form && (
        <Tabs value={mode} onChange={(_e, m: 'form' | 'yaml') => switchTo(m)} aria-label="Edit as">
          <Tab value="form" label="Form" />
          <Tab value="yaml" label="YAML" disabled={false} />
        </Tabs>
      )}
      {mode === 'form' && form ? (
        form(object, setObject, disabled)
      ) : (
        <YamlEditor
          label="Manifest"
          value={text}
          onChange={setText}
          readOnly={disabled}
          schema={schema.data?.schema as OpenApiSchema | undefined}
          markers={markers}
          minHeight={360}
        />
      )}
      {outcome?.kind === 'refused' && (
        <Alert severity="error" role="alert">
          Kubernetes refused it: {outcome.message}
          {outcome.causes.length > 0 && (
            <List dense aria-label="Refused fields">
              {outcome.causes.map((c, i) => (
                <ListItem key={i} sx={{ display: 'list-item' }}>
                  {c.field ? <code>{c.field}</code> : null}
                  {c.line ? ` (line ${c.line})` : ''}: {c.message}
                </ListItem>
              ))}
            </List>
          )}
        </Alert>
      )}
      {outcome?.kind === 'valid' && (
        <Alert severity="success">
          Kubernetes accepts it (dry run).
          {outcome.warnings.length ? ` Warnings: ${outcome.warnings.join('; ')}` : ''}
        </Alert>
      )}
      {outcome?.kind === 'conflict' && base && !yamlError && (
        <ConflictPanel
          message={outcome.message}
          base={base}
          mine={(parse(manifest()) ?? {}) as Json}
          current={outcome.current}
          onRebase={(merged) => {
            setBase(outcome.current);
            setObject(merged);
            setText(stringify(merged));
            setOutcome(undefined);
          }}
          onDiscard={() => {
            setBase(outcome.current);
            setObject(outcome.current);
            setText(stringify(outcome.current));
            setOutcome(undefined);
          }}
        />
      )}
      <Stack direction="row" sx={{ gap: 1 }}>
        {/* Bad YAML still goes to Kubernetes (as a dry run): its own message comes back. */}
        <Button
          variant="contained"
          disabled={disabled || busy || !!yamlError}
          onClick={() => void submit(false)}
        >
          {target.name ? 'Save' : 'Create'}
        </Button>
        <Button disabled={disabled || busy} onClick={() => void submit(true)}>
          Validate
        </Button>
      </Stack>
    </Stack>
  );
}
