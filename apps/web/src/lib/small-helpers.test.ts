import { describe, expect, it } from 'vitest';
import { CSRF_HEADER as SHARED_CSRF_HEADER } from '@wharf/shared/api';
import { CSRF_HEADER } from './http';
import { safeNext } from './safe-next';
import { isTypingTarget, matchesKey } from './shortcuts';
import { formatAge, formatDuration, parseGoDuration } from './time';

describe('keyboard shortcuts', () => {
  it('do not fire while the user types in a text field, textarea, select or editable element', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'input', type: 'search' } as unknown as EventTarget)).toBe(
      true,
    );
    expect(isTypingTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(
      isTypingTarget({ tagName: 'DIV', isContentEditable: true } as unknown as EventTarget),
    ).toBe(true);
  });

  it('fire on buttons, checkboxes and the page itself', () => {
    expect(isTypingTarget({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget)).toBe(
      false,
    );
    expect(isTypingTarget(null)).toBe(false);
  });

  it('ignore keys pressed with Ctrl, Meta or Alt', () => {
    const plain = { key: 'g', ctrlKey: false, metaKey: false, altKey: false };
    expect(matchesKey(plain, 'g')).toBe(true);
    expect(matchesKey({ ...plain, ctrlKey: true }, 'g')).toBe(false);
  });
});

describe('safeNext', () => {
  it('only returns to paths inside the app after login', () => {
    expect(safeNext('/projects/demo/stages/prod?tab=history')).toBe(
      '/projects/demo/stages/prod?tab=history',
    );
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});

describe('time helpers', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  it('formats compact ages', () => {
    expect(formatAge('2026-01-01T11:59:30Z', now)).toBe('30s');
    expect(formatAge('2026-01-01T11:00:00Z', now)).toBe('1h');
    expect(formatAge('2025-12-25T12:00:00Z', now)).toBe('7d');
    expect(formatAge(undefined, now)).toBe('—');
  });
  it('formats durations and parses Go durations', () => {
    expect(formatDuration('2026-01-01T11:58:55Z', '2026-01-01T12:00:00Z')).toBe('1m 05s');
    expect(parseGoDuration('1h30m')).toBe(5_400_000);
    expect(parseGoDuration('10m0s')).toBe(600_000);
    expect(parseGoDuration(undefined)).toBe(0);
  });
});

it('sends the CSRF header the BFF expects', () => {
  expect(CSRF_HEADER).toBe(SHARED_CSRF_HEADER);
});
