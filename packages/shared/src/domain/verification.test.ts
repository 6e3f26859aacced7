import { describe, expect, it } from 'vitest';
import { isTerminalVerificationPhase } from './verification.js';

describe('isTerminalVerificationPhase', () => {
  it('treats Successful, Failed, Error, Aborted and Inconclusive as finished', () => {
    for (const p of ['Successful', 'Failed', 'Error', 'Aborted', 'Inconclusive'])
      expect(isTerminalVerificationPhase(p)).toBe(true);
  });

  it('treats Pending, Running, an empty and a missing phase as still going', () => {
    for (const p of ['Pending', 'Running', '', undefined])
      expect(isTerminalVerificationPhase(p)).toBe(false);
  });
});
