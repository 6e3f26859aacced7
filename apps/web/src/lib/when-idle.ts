/** Runs `f` once the browser is idle (soon, where it cannot tell); returns how to cancel it. */
export function whenIdle(f: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const t = setTimeout(f, 100);
    return () => clearTimeout(t);
  }
  const id = requestIdleCallback(f);
  return () => cancelIdleCallback(id);
}
