import { describe, expect, it } from 'vitest';
import { boundsOf, covers, cullNodes, startViewport, visibleArea } from './visible';

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

  it('tells when a screen moved out of the area drawn around an earlier view', () => {
    const screen = { width: 1000, height: 800 };
    const drawn = visibleArea({ x: 0, y: 0, zoom: 1 }, screen, 0.5);
    expect(covers(drawn, visibleArea({ x: -400, y: 300, zoom: 1 }, screen, 0))).toBe(true);
    expect(covers(drawn, visibleArea({ x: -600, y: 0, zoom: 1 }, screen, 0))).toBe(false);
    expect(covers(drawn, visibleArea({ x: 0, y: 0, zoom: 0.4 }, screen, 0))).toBe(false);
  });

  it('bounds a set of boxes', () => {
    expect(boundsOf(boxes.values())).toEqual({ x: 0, y: 0, width: 9100, height: 9050 });
    expect(boundsOf([])).toBeUndefined();
  });
});

describe('where a big pipeline starts on screen', () => {
  it('puts its left edge near the left and its top warehouse mid-height, at the given zoom', () => {
    const boxes = new Map([
      ['warehouse:b', { x: 100, y: 900, width: 200, height: 100 }],
      ['warehouse:a', { x: 100, y: 300, width: 200, height: 100 }],
      ['stage:s', { x: 500, y: 0, width: 200, height: 100 }],
    ]);
    expect(startViewport(boxes, { width: 1600, height: 800 }, 0.5)).toEqual({
      x: 20 - 100 * 0.5,
      y: 400 - 350 * 0.5,
      zoom: 0.5,
    });
    expect(startViewport(new Map(), { width: 1600, height: 800 }, 0.5)).toBeUndefined();
  });
});
