import { useEffect, useMemo, useState } from 'react';
import { whenIdle } from '@/lib/when-idle';
import type { LayoutInput, LayoutResult } from './layout';
import { fingerprint, rememberedLayout, rememberLayout } from './layout-memory';
import layoutWorkerUrl from './layout.worker.ts?worker&url';

// Created when the graph's chunk loads, so the worker's script and dagre are parsed while the
// page is still joining the project's room rather than after the first render.
const worker =
  typeof Worker === 'undefined' ? undefined : new Worker(layoutWorkerUrl, { type: 'module' });
/**
 * The layout code's build: its chunk's URL changes with its content. In development the URL
 * stays the same while the code changes, so layouts are not remembered there.
 */
const layoutCode = import.meta.env.DEV ? undefined : layoutWorkerUrl;
let nextId = 1;
/** The remembered layout each mounted graph shows, until its first layout in the worker. */
const rememberedShown = new Map<string, LayoutResult>();

function layoutInWorker(input: LayoutInput): Promise<LayoutResult> {
  const w = worker;
  if (!w) return Promise.reject(new Error('This browser cannot run the layout worker.'));
  const id = nextId++;
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent<{ id: number; positions: LayoutResult }>) => {
      if (e.data.id !== id) return;
      w.removeEventListener('message', onMessage);
      // How long a layout takes is visible to profilers and bench/scale.
      performance.measure('wharf:layout', { start, end: performance.now() });
      resolve(e.data.positions);
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', (err) => reject(new Error(err.message)), { once: true });
    w.postMessage({ id, input });
  });
}

// The newest layout asked for. Started while rendering (not in an effect after the commit), so
// the worker lays the graph out while React is still committing the rest of the page.
let latest: { key: string; positions: Promise<LayoutResult> } | undefined;
function layoutFor(key: string, input: LayoutInput): Promise<LayoutResult> {
  if (latest?.key !== key) latest = { key, positions: layoutInWorker(input) };
  return latest.positions;
}

/**
 * Positions for the graph; recomputed off the main thread only when `key` (the shape) changes.
 * A shape this browser laid out before for the project is placed at once, from memory.
 */
export function useLayout(
  project: string,
  key: string,
  input: LayoutInput,
): LayoutResult | undefined {
  const [result, setResult] = useState<{ key: string; positions: LayoutResult }>();
  const print = useMemo(() => (layoutCode ? fingerprint(input) : undefined), [input]);
  const remembered = useMemo(
    () => (layoutCode && print ? rememberedLayout(project, layoutCode, print) : undefined),
    [project, print],
  );
  const pending = remembered ? undefined : layoutFor(key, input);
  useEffect(() => {
    if (!pending) {
      if (remembered) rememberedShown.set(project, remembered);
      return;
    }
    let cancelled = false;
    let cancelRemember: (() => void) | undefined;
    void pending.then((positions) => {
      if (cancelled) return;
      rememberedShown.delete(project);
      setResult({ key, positions });
      if (layoutCode && print)
        cancelRemember = whenIdle(() => rememberLayout(project, layoutCode, print, positions));
    });
    return () => {
      cancelled = true;
      cancelRemember?.();
    };
  }, [project, key, print, pending, remembered]);
  useEffect(() => () => void rememberedShown.delete(project), [project]);
  // A remembered layout stays shown until the next shape's layout arrives, as a laid-out one does.
  return remembered ?? rememberedShown.get(project) ?? result?.positions;
}
