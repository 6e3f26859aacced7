import { describe, expect, it } from 'vitest';
import { contrastText, stageColor } from './stage-color.js';

describe('stageColor', () => {
  it("resolves the palette names Kargo's UI writes into the annotation", () => {
    expect(stageColor('violet')).toMatch(/^#[0-9a-f]{6}$/);
    expect(stageColor(' Amber ')).toBe(stageColor('amber'));
  });

  it('keeps hex values and refuses anything else', () => {
    expect(stageColor('#4CAF50')).toBe('#4caf50');
    expect(stageColor('#abc')).toBe('#abc');
    expect(stageColor('url(javascript:x)')).toBeUndefined();
    expect(stageColor('primary.main')).toBeUndefined();
    expect(stageColor(undefined)).toBeUndefined();
  });
});

describe('contrastText', () => {
  it('puts black on light colours and white on dark ones', () => {
    expect(contrastText('#ffff00')).toBe('#000');
    expect(contrastText('#fff')).toBe('#000');
    expect(contrastText('#1a237e')).toBe('#fff');
    expect(contrastText('#000')).toBe('#fff');
  });
});
