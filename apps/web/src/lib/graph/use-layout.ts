import { useEffect, useState } from 'react';
import type { LayoutInput, LayoutResult } from './layout';

// Created when the graph's chunk loads, so the worker's script and dagre are parsed while the
// page is still joining the project's room rather than after the first render.
const worker =
  typeof Worker === 'undefined'
    ? undefined
    : new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
let nextId = 1;

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

/** Positions for the graph; recomputed off the main thread only when `key` (the shape) changes. */
export function useLayout(key: string, input: LayoutInput): LayoutResult | undefined {
  const [result, setResult] = useState<{ key: string; positions: LayoutResult }>();
  const pending = layoutFor(key, input);
  useEffect(() => {
    let cancelled = false;
    void pending.then((positions) => {
      if (!cancelled) setResult({ key, positions });
    });
    return () => {
      cancelled = true;
    };
  }, [key, pending]);
  return result?.positions;
}
