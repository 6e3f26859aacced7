import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

/** A manifest as the user wrote it: the parsed value, and where each field sits in the text. */
export interface ParsedManifest {
  value: unknown;
  /** 1-based line of a Kubernetes field path (`spec.requestedFreight[0].origin`), when found. */
  lineOf(field: string): number | undefined;
}

export interface ManifestSyntaxError {
  message: string;
  line?: number;
}

/** Splits Kubernetes' field paths: `a.b[0].c`, `metadata.annotations[kargo.akuity.io/color]`. */
export function fieldSegments(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of field.replace(/^\./, '').matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return out;
}

/** Kubernetes' YAML messages say `line N` (`yaml: line 5: ...`); so does the `yaml` library. */
export function lineInMessage(message: string): number | undefined {
  const m = /line (\d+)/.exec(message);
  return m?.[1] ? Number(m[1]) : undefined;
}

function nodeRangeStart(doc: Document, path: (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  let start: number | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) =>
          (p.key as { value?: unknown } | null)?.value === seg || String(p.key) === String(seg),
      );
      if (!pair) break;
      start = (pair.key as { range?: [number, number, number] } | null)?.range?.[0] ?? start;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as { range?: [number, number, number] } | undefined;
      if (!item) break;
      start = item.range?.[0] ?? start;
      node = item;
    } else break;
  }
  return start;
}

/** Parses YAML or JSON text; returns the first syntax error (with its line) instead of throwing. */
export function parseManifestText(text: string): ParsedManifest | ManifestSyntaxError {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const err = doc.errors[0];
  if (err) {
    const line = err.linePos?.[0]?.line ?? lines.linePos(err.pos[0]).line;
    return { message: err.message, line };
  }
  return {
    value: doc.toJS(),
    lineOf(field) {
      const at = nodeRangeStart(doc, fieldSegments(field));
      return at === undefined ? undefined : lines.linePos(at).line;
    },
  };
}

export function isSyntaxError(p: ParsedManifest | ManifestSyntaxError): p is ManifestSyntaxError {
  return !('lineOf' in p);
}
