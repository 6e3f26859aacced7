import { describe, expect, it } from 'vitest';
import { boundsOf, cullNodes, visibleArea } from './visible';

describe('culling the graph to the screen', () => {
  const boxes = new Map([
    ['a', { x: 0, y: 0, width: 100, height: 50 }],
    ['b', { x: 200, y: 0, width: 100, height: 50 }],
    ['far', { x: 5000, y: 5000, width: 100, height: 50 }],
    ['farther', { x: 9000, y: 9000, width: 100, height: 50 }],
  ]);

  it('converts the viewport to graph coordinates, with a margin', () => {
    expect(visibleArea({ x: -100, y: -50, zoom: 2 }, { width: 800, height: 600 }, 0)).toEqual({
      x: 50,
      y: 25,
      width: 400,
      height: 300,
    });
  });

  it('keeps nodes on screen plus the other end of their edges, and drops the rest', () => {
    const area = visibleArea({ x: 0, y: 0, zoom: 1 }, { width: 1000, height: 800 }, 0);
    const ids = cullNodes(boxes, [{ source: 'b', target: 'far' }], area);
    expect([...ids].sort()).toEqual(['a', 'b', 'far']);
  });

  it('bounds a set of boxes', () => {
    expect(boundsOf(boxes.values())).toEqual({ x: 0, y: 0, width: 9100, height: 9050 });
    expect(boundsOf([])).toBeUndefined();
  });
});
