import type { FreightReference } from '@wharf/shared';
import type { CredentialType, RepoCredentials } from '../credentials/credentials.js';
import type { GitAccess } from '../git/credentials.js';

export interface StepContext {
  workDir: string;
  project: string;
  stage: string;
  promotion: string;
  freight: FreightReference[];
  signal: AbortSignal;
  /** How git reaches a repository: env with the project's git credentials and TLS settings. */
  gitAccess(repoURL: string, opts?: { insecureSkipTLSVerify?: boolean }): Promise<GitAccess>;
  /** The project's credentials of a kind for a repository, as Kargo finds them. */
  credentials(type: CredentialType, repoURL: string): Promise<RepoCredentials | undefined>;
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
