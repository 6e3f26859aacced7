import type { FreightReference } from '@wharf/shared';

export interface StepContext {
  workDir: string;
  project: string;
  stage: string;
  promotion: string;
  freight: FreightReference[];
  signal: AbortSignal;
  /** Env that authenticates git for a repository (from the project's git credential Secrets). */
  gitEnv(repoURL: string): Promise<Record<string, string>>;
}

export interface StepResult {
  status: 'Succeeded' | 'Failed' | 'Errored';
  message?: string;
  output?: Record<string, unknown>;
}

export type StepRunner = (config: Record<string, unknown>, ctx: StepContext) => Promise<StepResult>;
export type StepRegistry = Record<string, StepRunner>;

/** A step's own failure (bad config, work that could not be done): ends the step Failed, not Errored. */
export class StepFailure extends Error {}
