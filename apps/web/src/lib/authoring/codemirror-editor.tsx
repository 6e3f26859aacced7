import { autocompletion, completionKeymap, type CompletionSource } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import {
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import Box from '@mui/material/Box';
import { useColorScheme, useTheme } from '@mui/material/styles';
import { isSyntaxError, parseManifestText } from '@wharf/shared/authoring';
import {
  propertyHints,
  schemaAt,
  schemaIssues,
  yamlCursorAt,
  type OpenApiSchema,
} from '@wharf/shared';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { cspNonce } from '@/lib/csp-nonce';
import type { YamlEditorProps } from './yaml-editor';

/** YAML colours readable on both schemes (keys, strings, scalars, comments). */
const highlight = (dark: boolean) =>
  HighlightStyle.define([
    { tag: [t.propertyName, t.definition(t.propertyName)], color: dark ? '#82aaff' : '#1a4fa0' },
    { tag: [t.string, t.special(t.string)], color: dark ? '#c3e88d' : '#2e7d32' },
    { tag: [t.number, t.bool, t.null, t.atom], color: dark ? '#f78c6c' : '#b45309' },
    { tag: [t.comment, t.meta], color: dark ? '#8a8f98' : '#6b7280', fontStyle: 'italic' },
  ]);

function lineRange(view: EditorView, line: number) {
  const l = view.state.doc.line(Math.min(Math.max(line, 1), view.state.doc.lines));
  return { from: l.from, to: l.to };
}

/** Syntax errors, what the schema says Kubernetes would refuse, and the server's own refusals. */
function diagnostics(
  view: EditorView,
  schema: OpenApiSchema | undefined,
  markers: YamlEditorProps['markers'],
): Diagnostic[] {
  const out: Diagnostic[] = (markers ?? []).map((m) => ({
    ...lineRange(view, m.line),
    severity: 'error',
    source: 'Kubernetes',
    message: m.message,
  }));
  const parsed = parseManifestText(view.state.doc.toString());
  if (isSyntaxError(parsed))
    return [
      ...out,
      {
        ...lineRange(view, parsed.line ?? 1),
        severity: 'error',
        source: 'YAML',
        message: parsed.message,
      },
    ];
  if (!schema) return out;
  for (const issue of schemaIssues(schema, parsed.value)) {
    const line = parsed.lineOf(issue.field) ?? 1;
    out.push({
      ...lineRange(view, line),
      severity: 'warning',
      source: 'schema',
      message: `${issue.field}: ${issue.message}`,
    });
  }
  return out;
}

/** Field names and enum values from the kind's schema, where the cursor is. */
function schemaCompletion(schema: OpenApiSchema): CompletionSource {
  return (ctx) => {
    const cur = yamlCursorAt(ctx.state.doc.toString(), ctx.pos);
    if (!ctx.explicit && !cur.prefix) return null;
    const from = ctx.pos - cur.prefix.length;
    const at = schemaAt(schema, cur.path);
    if (cur.position === 'value') {
      const values = at?.enum?.filter((v): v is string | number | boolean => v !== null) ?? [];
      if (at?.type === 'boolean') values.push(true, false);
      return values.length
        ? { from, options: values.map((v) => ({ label: String(v), type: 'enum' })) }
        : null;
    }
    const options = propertyHints(at).map((p) => ({
      label: p.name,
      type: 'property',
      ...(p.type ? { detail: p.required ? `${p.type}, required` : p.type } : {}),
      ...(p.description ? { info: p.description } : {}),
      apply: `${p.name}: `,
    }));
    return options.length ? { from, options, validFor: /^[\w-]*$/ } : null;
  };
}

/** CodeMirror 6 with YAML, the kind's schema for completion and checks, and the page's CSP nonce. */
export default function CodeMirrorEditor(props: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const dynamic = useRef(new Compartment());
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const theme = useTheme();
  const scheme = useColorScheme();
  const dark = (scheme.mode === 'system' ? scheme.systemMode : scheme.mode) === 'dark';
  // CSS variables: they follow the colour scheme without re-rendering the editor.
  const palette = theme.vars?.palette ?? theme.palette;

  const configure = (): Extension => {
    const { schema, markers, readOnly } = latest.current;
    return [
      EditorView.theme(
        {
          '&': {
            backgroundColor: palette.background.paper,
            color: palette.text.primary,
            fontSize: '13px',
          },
          '.cm-gutters': {
            backgroundColor: palette.background.default,
            color: palette.text.secondary,
            border: 'none',
          },
          '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: palette.action.hover },
          '&.cm-focused .cm-cursor': { borderLeftColor: palette.text.primary },
          '.cm-content': { fontFamily: 'ui-monospace, Menlo, Consolas, monospace' },
        },
        { dark },
      ),
      syntaxHighlighting(highlight(dark)),
      EditorState.readOnly.of(!!readOnly),
      EditorView.editable.of(!readOnly),
      // A read-only pane (e.g. several documents) is shown, not checked.
      ...(readOnly ? [] : [linter((v) => diagnostics(v, schema, markers), { delay: 300 })]),
      autocompletion(schema ? { override: [schemaCompletion(schema)] } : {}),
    ];
  };

  useEffect(() => {
    if (!host.current) return;
    const nonce = cspNonce();
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          ...(nonce ? [EditorView.cspNonce.of(nonce)] : []),
          lineNumbers(),
          highlightActiveLineGutter(),
          highlightActiveLine(),
          history(),
          yaml(),
          lintGutter(),
          keymap.of([...defaultKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
          EditorView.contentAttributes.of({ 'aria-label': latest.current.label }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange?.(u.state.doc.toString());
          }),
          dynamic.current.of(configure()),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The view is made once; props reach it through `latest` and the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== props.value)
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: props.value } });
  }, [props.value]);

  useEffect(() => {
    view.current?.dispatch({ effects: dynamic.current.reconfigure(configure()) });
    // configure reads the newest props through `latest`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.schema, props.markers, props.readOnly, dark]);

  return (
    <Box
      ref={host}
      data-testid="yaml-editor"
      sx={{
        minHeight: props.minHeight ?? 240,
        border: 1,
        borderColor: 'divider',
        '& .cm-editor': { minHeight: props.minHeight ?? 240 },
      }}
    />
  );
}
