/**
 * Kargo's UI offers a fixed palette and stores the colour's *name* in the Stage annotation
 * `kargo.akuity.io/color` (e.g. `violet`); older objects and other tools store a hex value.
 * The names are Kargo's; the shades here are Wharf's own.
 */
export const KARGO_COLOR_NAMES: Readonly<Record<string, string>> = {
  red: '#d32f45',
  salmon: '#f0645a',
  orange: '#f57c2b',
  amber: '#d98e04',
  yellow: '#d4b62c',
  lime: '#8cc63f',
  avocado: '#7bc96f',
  green: '#1f9e6e',
  teal: '#16a596',
  cyan: '#17b9c2',
  sky: '#1c9fd1',
  blue: '#3b7ddd',
  indigo: '#3f5bd0',
  periwinkle: '#6f86de',
  violet: '#7656b0',
  purple: '#9c4a9e',
  fuchsia: '#c94597',
  pink: '#df6f9f',
  rose: '#e8608f',
  dragonfruit: '#f23d9a',
  gray: '#687080',
};

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** The annotation's colour as `#rrggbb`/`#rgb`; undefined for anything else (never raw CSS). */
export function stageColor(annotation: string | undefined): string | undefined {
  const value = annotation?.trim().toLowerCase();
  if (!value) return undefined;
  if (HEX.test(value)) return value;
  return KARGO_COLOR_NAMES[value];
}

function channel(hex: string, i: number): number {
  const full = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1);
  const v = parseInt(full.slice(i * 2, i * 2 + 2), 16) / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function contrastText(hex: string): '#000' | '#fff' {
  const l = 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 1) + 0.0722 * channel(hex, 2);
  // Contrast with white is 1.05/(l+0.05), with black (l+0.05)/0.05: equal at l ≈ 0.179.
  return l > 0.179 ? '#000' : '#fff';
}
