// Prints where a traced page load's time went: the renderer main thread's self time by kind of
// work (script, style, layout, paint, parsing, GC), the page's requests in start order, and the
// long tasks. Used by the trace tools of bench/scale and bench/cockpit.
interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; name?: string };
}

/** Trace event name → the kind of work it is (the top-level events of the main thread). */
const KINDS: Record<string, string> = {
  EvaluateScript: 'script',
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  'v8.evaluateModule': 'script',
  FunctionCall: 'script',
  TimerFire: 'script',
  FireAnimationFrame: 'script',
  EventDispatch: 'script',
  RunMicrotasks: 'script',
  'V8.Execute': 'script',
  UpdateLayoutTree: 'style',
  ScheduleStyleRecalculation: 'style',
  Layout: 'layout',
  PrePaint: 'paint',
  Paint: 'paint',
  Layerize: 'paint',
  UpdateLayer: 'paint',
  Commit: 'paint',
  ParseHTML: 'parse HTML',
  ParseAuthorStyleSheet: 'parse CSS',
  MajorGC: 'gc',
  MinorGC: 'gc',
  'V8.GC_MARK_COMPACTOR': 'gc',
};

/** What to record: enough for the summary below. */
export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'toplevel',
];

/** Prints the summary of a Chromium trace (`browser.stopTracing()`) of a page served by `origin`. */
export function printTraceSummary(trace: Buffer, origin: string): void {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  // The page's main thread: the one that sent the page's own requests (the trace also holds
  // Chromium's own WebUI renderers).
  const main = events.find(
    (e) => e.name === 'ResourceSendRequest' && String(e.args?.data?.url).startsWith(origin),
  );
  if (!main) throw new Error('no request of the page in the trace');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  const t0 = Math.min(...onMain.map((e) => e.ts));
  const t1 = Math.max(...onMain.map((e) => e.ts + (e.dur ?? 0)));
  // Self time per kind: each complete event's duration minus its children's, nested by time.
  const sorted = [...onMain].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const byKind = new Map<string, number>();
  const open: { end: number; kind: string; child: number; dur: number }[] = [];
  const close = (until: number) => {
    while (open.length > 0 && (open.at(-1)?.end ?? 0) <= until) {
      const e = open.pop();
      if (!e) break;
      byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + (e.dur - e.child));
    }
  };
  for (const e of sorted) {
    close(e.ts);
    const parent = open.at(-1);
    const kind = KINDS[e.name] ?? parent?.kind ?? 'other';
    if (parent) parent.child += e.dur ?? 0;
    open.push({ end: e.ts + (e.dur ?? 0), kind, child: 0, dur: e.dur ?? 0 });
  }
  close(Number.POSITIVE_INFINITY);
  const busy = [...byKind.values()].reduce((a, b) => a + b, 0);
  const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(6)} ms`;
  console.log(`renderer main thread: busy ${ms(busy)} of ${ms(t1 - t0)} traced`);
  for (const [k, v] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`  ${ms(v)}  ${k}`);
  console.log('requests (start → response headers → end, ms from the first main-thread event):');
  const sends = events.filter(
    (e) => e.name === 'ResourceSendRequest' && String(e.args?.data?.url).startsWith(origin),
  );
  const finishes = new Map(
    events
      .filter((e) => e.name === 'ResourceFinish')
      .map((e) => [String(e.args?.data?.requestId), e.ts]),
  );
  // When the response's headers arrived: a late one waited for a connection or the server, an
  // early one with a late end waited for its body.
  const headers = new Map(
    events
      .filter((e) => e.name === 'ResourceReceiveResponse')
      .map((e) => [String(e.args?.data?.requestId), e.ts]),
  );
  const at = (ts: number | undefined) => (ts ? ms(ts - t0) : '     ?   ');
  for (const s of sends.sort((a, b) => a.ts - b.ts)) {
    const id = String(s.args?.data?.requestId);
    const name = String(s.args?.data?.url ?? '').replace(/^https?:\/\/[^/]+/, '');
    console.log(
      `  ${ms(s.ts - t0)} → ${at(headers.get(id))} → ${at(finishes.get(id))}  ${name.length > 60 ? `…${name.slice(-59)}` : name}`,
    );
  }
  for (const e of events.filter((x) => x.name.startsWith('WebSocket') && x.pid === main.pid))
    console.log(`  ${ms(e.ts - t0)}   ${e.name}`);
  console.log('long tasks (> 50 ms) on the main thread:');
  for (const e of onMain.filter((x) => x.name === 'RunTask' && (x.dur ?? 0) > 50_000))
    console.log(`  at ${ms(e.ts - t0)}: ${ms(e.dur ?? 0)}`);
}

/** A V8 CPU profile (CDP `Profiler.stop`). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/** Prints a CPU profile's self time by script and the functions with the most self time. */
export function printProfileSummary(profile: CpuProfile, top = 25): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id);
    const us = profile.timeDeltas[i + 1] ?? 0;
    const script = frame?.url.replace(/^.*\//, '') || `(${frame?.functionName ?? '?'})`;
    byScript.set(script, (byScript.get(script) ?? 0) + us);
    const fn = `${frame?.functionName || '(anonymous)'} ${script}:${frame?.lineNumber ?? 0}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  });
  const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(6)} ms`;
  console.log('JavaScript self time by script (CPU profile):');
  for (const [k, v] of [...byScript].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${ms(v)}  ${k}`);
  console.log('functions with the most self time:');
  for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`  ${ms(v)}  ${k}`);
}
