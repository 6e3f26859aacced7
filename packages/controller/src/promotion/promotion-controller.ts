import { join } from 'node:path';
import { ANNOTATIONS, isTerminalPromotionPhase, type Promotion, type Stage } from '@wharf/shared';
import type { KindInformer } from '../kube/informers.js';
import { PromotionRun, Shutdown, type RunnerDeps } from './promotion-runner.js';

class UserAbort extends Error {
  constructor(readonly actor: string) {
    super(`Promotion terminated by ${actor}`);
  }
}

/** Reads `kargo.akuity.io/abort` = `{"action":"terminate","actor":…}` (a bare word also counts). */
export function abortRequest(p: Promotion): { actor: string } | undefined {
  const raw = p.metadata.annotations?.[ANNOTATIONS.abort];
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as { action?: unknown; actor?: unknown };
    if (v.action !== undefined && v.action !== 'terminate') return undefined;
    return { actor: typeof v.actor === 'string' && v.actor ? v.actor : 'unknown' };
  } catch {
    return raw === 'terminate' ? { actor: 'unknown' } : undefined;
  }
}

/**
 * Runs Promotions the way Kargo's promotion controller does: only the Stage's current Promotion
 * runs; Pending → Running → a terminal phase; the abort annotation ends it as Aborted.
 */
export class PromotionController {
  private readonly runs = new Map<string, { ac: AbortController; done: Promise<void> }>();

  constructor(
    private readonly deps: RunnerDeps,
    private readonly stages: KindInformer<Stage>,
    private readonly onFinished: (namespace: string, stage: string) => void,
  ) {}

  async reconcile(key: string): Promise<void> {
    const [ns = '', name = ''] = key.split('/');
    const p = await this.deps.api.get<Promotion>('Promotion', ns, name);
    if (!p) return;
    const refresh = p.metadata.annotations?.[ANNOTATIONS.refresh];
    if (refresh && refresh !== p.status?.lastHandledRefresh)
      await this.deps.api.patchStatus('Promotion', ns, name, { lastHandledRefresh: refresh });
    if (isTerminalPromotionPhase(p.status?.phase)) return;
    if (!p.status?.phase) {
      // PromotionCreated is not this controller's: whoever created the Promotion records it.
      await this.deps.api.patchStatus('Promotion', ns, name, { phase: 'Pending' });
      p.status = { phase: 'Pending' };
    }
    const abort = abortRequest(p);
    const running = this.runs.get(key);
    if (abort) {
      if (running) running.ac.abort(new UserAbort(abort.actor));
      else {
        const run = new PromotionRun(this.deps, p, new AbortController().signal);
        await run.finish(
          'Aborted',
          `Promotion terminated by ${abort.actor}`,
          this.workDir(ns, name),
          abort.actor,
        );
        this.onFinished(ns, p.spec.stage);
      }
      return;
    }
    const stage = this.stages.get(p.spec.stage, ns);
    if (!stage || stage.status?.currentPromotion?.name !== name || running) return;
    this.start(key, p, stage);
  }

  private workDir(ns: string, name: string): string {
    return join(this.deps.workRoot, ns, name);
  }

  private start(key: string, p: Promotion, stage: Stage): void {
    const ac = new AbortController();
    const run = new PromotionRun(this.deps, p, ac.signal);
    const ns = p.metadata.namespace ?? '';
    const done = run
      .run(stage)
      .catch(async (err: unknown) => {
        if (err instanceof Shutdown) return;
        const dir = this.workDir(ns, p.metadata.name);
        if (err instanceof UserAbort) return run.finish('Aborted', err.message, dir, err.actor);
        await run.finish('Errored', err instanceof Error ? err.message : String(err), dir);
      })
      .catch(() => undefined)
      .finally(() => {
        this.runs.delete(key);
        if (!(ac.signal.reason instanceof Shutdown)) this.onFinished(ns, p.spec.stage);
      });
    this.runs.set(key, { ac, done });
  }

  /** Stops running promotions without recording anything; a restart resumes them at their current step. */
  async stop(): Promise<void> {
    const all = [...this.runs.values()];
    for (const r of all) r.ac.abort(new Shutdown('controller stopping'));
    await Promise.all(all.map((r) => r.done));
  }
}
