import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  ANNOTATIONS,
  type Freight,
  type Promotion,
  type PromotionStep,
  type PromotionStatus,
  type Stage,
  type StepExecutionMetadata,
} from '@wharf/shared';
import type { CredentialType, RepoCredentials } from '../credentials/credentials.js';
import type { GitAccess } from '../git/credentials.js';
import type { PromotionScope } from '../expr/promotion-env.js';
import { type Clock, rfc3339 } from '../kube/clock.js';
import type { EventRecorder } from '../kube/events.js';
import type { KargoApi } from '../kube/kargo-api.js';
import type { StepContext, StepRegistry } from '../steps/step-types.js';
import { freightRef, nextCollection } from './freight-collection.js';
import { promotionEvent } from './promotion-events.js';
import { runStep, type StepOutcome } from './run-step.js';
import { evaluateVars, stepEnv } from './step-scope.js';
import {
  backoffMs,
  DEFAULT_RETRY_BACKOFF,
  retryVerdict,
  type RetryBackoff,
  sleep,
} from './step-retry.js';

export interface RunnerDeps {
  api: KargoApi;
  steps: StepRegistry;
  clock: Clock;
  workRoot: string;
  record: EventRecorder;
  credentials(
    namespace: string,
    type: CredentialType,
    repoURL: string,
  ): Promise<RepoCredentials | undefined>;
  gitAccess(
    namespace: string,
    repoURL: string,
    opts?: { insecureSkipTLSVerify?: boolean },
  ): Promise<GitAccess>;
  retryBackoff?: RetryBackoff;
}

type Terminal = 'Succeeded' | 'Failed' | 'Errored' | 'Aborted';
const REASON = {
  Succeeded: 'PromotionSucceeded',
  Failed: 'PromotionFailed',
  Errored: 'PromotionErrored',
  Aborted: 'PromotionAborted',
} as const;

export class Shutdown extends Error {}

/** Executes one Promotion's steps in order, writing progress to its status after every step. */
export class PromotionRun {
  private status: PromotionStatus;
  private meta: StepExecutionMetadata[];
  private readonly now = () => rfc3339(this.deps.clock.now());

  constructor(
    private readonly deps: RunnerDeps,
    private promo: Promotion,
    private readonly signal: AbortSignal,
  ) {
    this.status = { ...(promo.status ?? {}) };
    this.meta = [...(this.status.stepExecutionMetadata ?? [])];
  }

  private get ns() {
    return this.promo.metadata.namespace ?? '';
  }

  private async write(patch: PromotionStatus): Promise<void> {
    if (this.signal.reason instanceof Shutdown) throw this.signal.reason;
    this.status = { ...this.status, ...patch };
    await this.deps.api.patchStatus('Promotion', this.ns, this.promo.metadata.name, patch);
  }

  /** Pending → Running: pins the Freight and the collection the Stage will hold. */
  private async begin(stage: Stage): Promise<void> {
    const f = await this.deps.api.get<Freight>('Freight', this.ns, this.promo.spec.freight ?? '');
    if (!f)
      return this.finish('Errored', `Freight "${this.promo.spec.freight ?? ''}" no longer exists`);
    await this.write({
      phase: 'Running',
      startedAt: this.now(),
      freight: freightRef(f),
      freightCollection: nextCollection(stage, f),
      currentStep: 0,
      stepExecutionMetadata: [],
      state: {},
    });
  }

  async run(stage: Stage): Promise<void> {
    if (this.status.phase !== 'Running') await this.begin(stage);
    if (this.status.phase !== 'Running') return;
    const steps = this.promo.spec.steps ?? [];
    const outputs = { ...((this.status.state as Record<string, unknown> | undefined) ?? {}) };
    const scope: PromotionScope = {
      project: this.ns,
      stage: this.promo.spec.stage,
      promotion: this.promo.metadata.name,
      actor: this.promo.metadata.annotations?.[ANNOTATIONS.createActor],
      targetFreight: {
        name: this.promo.spec.freight ?? '',
        origin: this.status.freight?.origin ?? { kind: 'Warehouse', name: '' },
      },
      freight: Object.values(this.status.freightCollection?.items ?? {}),
      vars: {},
      outputs,
      // Only finished steps count: a resumed step's own Errored (retrying) must not skip it.
      stepStatus: Object.fromEntries(
        this.meta
          .slice(0, this.status.currentStep ?? 0)
          .map((m) => [m.alias ?? '', m.status ?? '']),
      ),
    };
    scope.vars = evaluateVars(this.promo.spec.vars, scope);
    const workDir = join(this.deps.workRoot, this.ns, this.promo.metadata.name);
    await mkdir(workDir, { recursive: true });
    const ctx: StepContext = {
      workDir,
      project: this.ns,
      stage: scope.stage,
      promotion: scope.promotion,
      freight: scope.freight,
      signal: this.signal,
      gitAccess: (url, opts) => this.deps.gitAccess(this.ns, url, opts),
      credentials: (type, url) => this.deps.credentials(this.ns, type, url),
    };
    for (let i = this.status.currentStep ?? 0; i < steps.length; i++) {
      const step = steps[i];
      if (!step) break;
      const alias = step.as ?? `step-${i}`;
      const prior = this.meta[i];
      this.meta[i] = {
        alias,
        // Kargo keeps the first attempt's start, which `retry.timeout` is measured from.
        startedAt: prior?.startedAt ?? this.now(),
        status: 'Running',
        errorCount: prior?.errorCount ?? 0,
        ...(prior?.message ? { message: prior.message } : {}),
      };
      // One write per step: the previous step's result rides along with this one's start.
      await this.write({
        currentStep: i,
        stepExecutionMetadata: [...this.meta],
        state: { ...outputs },
      });
      const outcome = await this.attempts(i, step, alias, () =>
        runStep(step, stepEnv(scope, alias, step.vars), this.deps.steps, ctx),
      );
      this.record(i, outcome);
      scope.stepStatus[alias] = this.meta[i]?.status ?? '';
      if (outcome.output) {
        outputs[alias] = outcome.output;
        const task = alias.split('::')[0] ?? alias;
        if (task !== alias)
          outputs[task] = { ...((outputs[task] as object | undefined) ?? {}), ...outcome.output };
      }
      this.status = {
        ...this.status,
        stepExecutionMetadata: [...this.meta],
        state: { ...outputs },
      };
      if (outcome.status !== 'Succeeded' && !step.continueOnError)
        return this.finish(
          outcome.status,
          outcome.message ?? `step "${alias}" ${outcome.status.toLowerCase()}`,
          workDir,
        );
    }
    // Kargo's orchestrator gives a success no message.
    await this.finish('Succeeded', '', workDir);
  }

  /**
   * Runs a step until it does not error, or its retry policy gives up: each Errored attempt
   * counts in `errorCount`, is written with "step will be retried", then waits a backoff that
   * an abort interrupts.
   */
  private async attempts(
    i: number,
    step: PromotionStep,
    alias: string,
    attempt: () => Promise<StepOutcome>,
  ): Promise<StepOutcome> {
    for (;;) {
      const outcome = await this.race(attempt());
      const m = this.meta[i];
      if (outcome.status !== 'Errored' || !m) return outcome;
      m.errorCount = (m.errorCount ?? 0) + 1;
      m.message = outcome.message ?? 'no details provided';
      const verdict = retryVerdict(step, alias, m, this.deps.clock.now());
      if (verdict) return { ...outcome, message: verdict };
      m.status = 'Errored';
      m.message = `${m.message}; step will be retried`;
      await this.write({ stepExecutionMetadata: [...this.meta] });
      await sleep(this.deps.clock, backoffMs(m.errorCount, this.backoff), this.signal);
      m.status = 'Running';
      await this.write({ stepExecutionMetadata: [...this.meta] });
    }
  }

  private get backoff(): RetryBackoff {
    return this.deps.retryBackoff ?? DEFAULT_RETRY_BACKOFF;
  }

  private record(i: number, o: StepOutcome): void {
    const m = this.meta[i];
    if (!m) return;
    m.finishedAt = this.now();
    m.status = o.skipped ? 'Skipped' : o.status;
    // Errored attempts were counted as they happened (see attempts()).
    if (o.status === 'Failed') m.errorCount = (m.errorCount ?? 0) + 1;
    if (o.message) m.message = o.message;
    else delete m.message;
  }

  /** Resolves with the step's outcome, or rejects as soon as the run is aborted or shut down. */
  private race(p: Promise<StepOutcome>): Promise<StepOutcome> {
    return new Promise((resolve, reject) => {
      const onAbort = () =>
        reject(this.signal.reason instanceof Error ? this.signal.reason : new Error('aborted'));
      if (this.signal.aborted) return onAbort();
      this.signal.addEventListener('abort', onAbort, { once: true });
      p.then(resolve, reject).finally(() => this.signal.removeEventListener('abort', onAbort));
    });
  }

  async finish(phase: Terminal, message: string, workDir?: string, actor?: string): Promise<void> {
    const i = this.status.currentStep;
    const m = i === undefined ? undefined : this.meta[i];
    // A step waiting to retry is Errored but unfinished: an abort ends it too.
    const unfinished = m?.status === 'Running' || (m?.status === 'Errored' && !m.finishedAt);
    if (phase === 'Aborted' && m && unfinished) {
      m.status = 'Aborted';
      m.finishedAt = this.now();
    }
    const patch: PromotionStatus = {
      phase,
      ...(message ? { message } : {}),
      finishedAt: this.now(),
      stepExecutionMetadata: [...this.meta],
      ...(this.status.state ? { state: this.status.state } : {}),
    };
    this.status = { ...this.status, ...patch };
    await this.deps.api.patchStatus('Promotion', this.ns, this.promo.metadata.name, patch);
    this.promo = { ...this.promo, status: this.status };
    const freight = await this.deps.api.get<Freight>(
      'Freight',
      this.ns,
      this.promo.spec.freight ?? '',
    );
    await promotionEvent(
      this.deps.record,
      this.promo,
      REASON[phase],
      // promotions.go: "Promotion <phase>[: <message>]"; an abort says who terminated it.
      phase === 'Aborted' ? message : `Promotion ${phase}${message ? `: ${message}` : ''}`,
      actor,
      freight?.alias,
    );
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }
}
