import LinearProgress from '@mui/material/LinearProgress';
import type { OpenApiSchema } from '@wharf/shared';
import { lazy, Suspense } from 'react';

export interface YamlEditorProps {
  value: string;
  onChange?: (value: string) => void;
  readOnly?: boolean;
  /** Accessible name of the text area. */
  label: string;
  /** The kind's schema as the cluster serves it: completion and early checks. */
  schema?: OpenApiSchema | undefined;
  /** Kubernetes' refusals of the last save, on their lines. */
  markers?: { line: number; message: string }[] | undefined;
  minHeight?: number;
}

// CodeMirror is loaded only when an editor is shown: the first screen never carries it.
const CodeMirrorEditor = lazy(() => import('./codemirror-editor'));

export function YamlEditor(props: YamlEditorProps) {
  return (
    <Suspense fallback={<LinearProgress aria-label="Loading the editor" />}>
      <CodeMirrorEditor {...props} />
    </Suspense>
  );
}
