import { layoutGraph, type LayoutInput } from './layout';

// Layout runs here so a 600-stage graph never blocks the page.
self.onmessage = (e: MessageEvent<{ id: number; input: LayoutInput }>) => {
  const { id, input } = e.data;
  self.postMessage({ id, positions: layoutGraph(input) });
};
