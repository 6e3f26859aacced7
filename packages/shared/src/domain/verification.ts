/** Phases of a Stage verification (`verificationHistory[].phase`), as Kargo and Argo Rollouts name them. */
export const VERIFICATION_PHASES = [
  'Pending',
  'Running',
  'Successful',
  'Failed',
  'Error',
  'Aborted',
  'Inconclusive',
] as const;
export type VerificationPhase = (typeof VERIFICATION_PHASES)[number];

const TERMINAL: ReadonlySet<string> = new Set([
  'Successful',
  'Failed',
  'Error',
  'Aborted',
  'Inconclusive',
]);

/** Finished: nothing left to abort, and a reverify may start. An empty phase is not finished. */
export function isTerminalVerificationPhase(phase: string | undefined): boolean {
  return phase !== undefined && TERMINAL.has(phase);
}
