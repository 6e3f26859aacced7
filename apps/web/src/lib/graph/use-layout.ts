import { useEffect, useRef, useState } from 'react';
import type { LayoutInput, LayoutResult } from './layout';

let worker: Worker | undefined;
let nextId = 1;

function layoutInWorker(input: LayoutInput): Promise<LayoutResult> {
  worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent<{ id: number; positions: LayoutResult }>) => {
      if (e.data.id !== id) return;
      w.removeEventListener('message', onMessage);
      resolve(e.data.positions);
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', (err) => reject(new Error(err.message)), { once: true });
    w.postMessage({ id, input });
  });
}

/** Positions for the graph; recomputed off the main thread only when `key` (the shape) changes. */
export function useLayout(key: string, input: LayoutInput): LayoutResult | undefined {
  const [result, setResult] = useState<{ key: string; positions: LayoutResult }>();
  const inputRef = useRef(input);
  // Declared before the layout effect, so it runs first and the layout sees the newest input.
  useEffect(() => {
    inputRef.current = input;
  });
  useEffect(() => {
    let cancelled = false;
    void layoutInWorker(inputRef.current).then((positions) => {
      if (!cancelled) setResult({ key, positions });
    });
    return () => {
      cancelled = true;
    };
  }, [key]);
  return result?.positions;
}
