import { z } from 'zod';
import type { AnalysisRunDetail } from '@wharf/shared/api';
import type { Caller } from '../access/caller.js';
import { KubeClient } from '../kube/kube-client.js';
import { KubeApiError } from '../kube/kube-api-error.js';
import { defined } from '../views/common.js';

/** Argo Rollouts' AnalysisRun API; Kargo verifies freight with these when the CRD is installed. */
export const ROLLOUTS_GROUP = 'argoproj.io';
const BASE = `/apis/${ROLLOUTS_GROUP}/v1alpha1`;

const count = z.number().int().optional();
// Lenient: only what the verification view shows, every field optional but the phase.
const AnalysisRunStatusSchema = z.looseObject({
  phase: z.string().optional(),
  message: z.string().optional(),
  startedAt: z.string().optional(),
  completedAt: z.string().optional(),
  metricResults: z
    .array(
      z.looseObject({
        name: z.string(),
        phase: z.string().optional(),
        message: z.string().optional(),
        count,
        successful: count,
        failed: count,
        inconclusive: count,
        error: count,
        measurements: z
          .array(
            z.looseObject({
              phase: z.string().optional(),
              value: z.string().optional(),
              message: z.string().optional(),
              startedAt: z.string().optional(),
              finishedAt: z.string().optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
});

export function toAnalysisDetail(obj: unknown): AnalysisRunDetail {
  const parsed = z.looseObject({ status: AnalysisRunStatusSchema.optional() }).safeParse(obj);
  if (!parsed.success) return { available: false, reason: 'The AnalysisRun is not readable.' };
  const st = parsed.data.status ?? {};
  return {
    available: true,
    phase: st.phase || 'Pending',
    ...defined({ message: st.message, startedAt: st.startedAt, completedAt: st.completedAt }),
    metrics: (st.metricResults ?? []).map((m) => ({
      name: m.name,
      phase: m.phase || 'Pending',
      ...defined({
        message: m.message,
        count: m.count,
        successful: m.successful,
        failed: m.failed,
        inconclusive: m.inconclusive,
        error: m.error,
      }),
      // Newest measurements are what people look at; keep the last ten.
      measurements: (m.measurements ?? []).slice(-10).map((x) => ({
        phase: x.phase || 'Pending',
        ...defined({
          value: x.value,
          message: x.message,
          startedAt: x.startedAt,
          finishedAt: x.finishedAt,
        }),
      })),
    })),
  };
}

/**
 * Reads AnalysisRuns as the caller. Says, instead of failing, when Argo Rollouts' CRD is not
 * installed, the run is gone, or the caller may not read it.
 */
export class AnalysisRunReader {
  private installed: Promise<boolean> | undefined;

  constructor(private readonly caller: Caller) {}

  private async reader(namespace: string, name: string): Promise<KubeClient> {
    const check = { verb: 'get', group: ROLLOUTS_GROUP, resource: 'analysisruns', namespace, name };
    const d = await this.caller.authorize(check);
    if (!d.allowed) throw new KubeApiError(403, 'Forbidden', d.reason);
    return new KubeClient(this.caller.kubeConfigFor(check));
  }

  /** Whether the cluster serves argoproj.io/v1alpha1 analysisruns (asked once per reader). */
  private servesAnalysisRuns(): Promise<boolean> {
    this.installed ??= new KubeClient(this.caller.discoveryKubeConfig()).get(BASE).then(
      (body) =>
        z
          .object({ resources: z.array(z.object({ name: z.string() })) })
          .safeParse(body)
          .data?.resources.some((r) => r.name === 'analysisruns') ?? false,
      () => false,
    );
    return this.installed;
  }

  async detail(namespace: string, name: string): Promise<AnalysisRunDetail> {
    if (!(await this.servesAnalysisRuns()))
      return {
        available: false,
        reason:
          "Argo Rollouts' AnalysisRun CRD is not installed in this cluster, so only Kargo's record of the run is shown.",
      };
    try {
      const path = `${BASE}/namespaces/${encodeURIComponent(namespace)}/analysisruns/${encodeURIComponent(name)}`;
      return toAnalysisDetail(await (await this.reader(namespace, name)).get(path));
    } catch (err) {
      if (!(err instanceof KubeApiError)) throw err;
      if (err.status === 404)
        return { available: false, reason: `AnalysisRun ${name} no longer exists.` };
      if (err.status === 403)
        return { available: false, reason: `You may not read AnalysisRun ${name}: ${err.message}` };
      return {
        available: false,
        reason: `Kubernetes could not return AnalysisRun ${name}: ${err.message}`,
      };
    }
  }
}
