import { z } from 'zod';
import { ANNOTATIONS } from '../kargo/constants.js';
import type { Stage } from '../kargo/stage.js';

/** One Argo CD Application a Stage deploys through, with what Kargo's health check saw. */
export interface ArgoCdApp {
  name: string;
  namespace: string;
  /** Argo CD health: Healthy, Progressing, Degraded, Suspended, Missing, Unknown. */
  health?: string;
  healthMessage?: string;
  /** Argo CD sync status: Synced, OutOfSync, Unknown. */
  sync?: string;
  /** The application in the Argo CD UI, when Wharf knows where that is. */
  url?: string;
}

/** Argo CD's default namespace, which Kargo assumes when a health check names none. */
export const ARGOCD_DEFAULT_NAMESPACE = 'argocd';

const ContextSchema = z.array(
  z.looseObject({ name: z.string().min(1), namespace: z.string().nullish() }),
);

// Kargo's argocd health checker marshals its per-app status with Go's default field names for
// name and namespace (`Name`, `Namespace`) and Argo CD's own JSON for the inlined app status.
const OutputSchema = z.array(
  z.looseObject({
    applicationStatuses: z
      .array(
        z.looseObject({
          Name: z.string(),
          Namespace: z.string().optional(),
          health: z
            .looseObject({ status: z.string().optional(), message: z.string().optional() })
            .optional(),
          sync: z.looseObject({ status: z.string().optional() }).optional(),
        }),
      )
      .optional(),
  }),
);

function parseJson(raw: string | undefined): unknown {
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/** `<base>/applications/<namespace>/<name>`, as Argo CD's UI addresses an application. */
export function argoCdAppUrl(base: string, namespace: string, name: string): string {
  return `${base.replace(/\/+$/, '')}/applications/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}`;
}

/**
 * The Applications of a Stage: those named by the `kargo.akuity.io/argocd-context` annotation
 * (written after a successful promotion), joined by name with the per-app health in
 * `status.health.output`; apps only the health output knows are listed too. Anything malformed
 * is ignored rather than failing the whole Stage.
 */
export function argoCdApps(
  stage: Pick<Stage, 'metadata' | 'status'>,
  baseUrl?: string,
): ArgoCdApp[] {
  const context = ContextSchema.safeParse(
    parseJson(stage.metadata.annotations?.[ANNOTATIONS.argocdContext]),
  );
  const output = OutputSchema.safeParse(stage.status?.health?.output);
  const statuses = output.success ? output.data.flatMap((o) => o.applicationStatuses ?? []) : [];
  const apps = new Map<string, ArgoCdApp>();
  const key = (ns: string, name: string) => `${ns}/${name}`;
  for (const c of context.success ? context.data : []) {
    const namespace =
      c.namespace || statuses.find((s) => s.Name === c.name)?.Namespace || ARGOCD_DEFAULT_NAMESPACE;
    apps.set(key(namespace, c.name), { name: c.name, namespace });
  }
  for (const s of statuses) {
    const namespace = s.Namespace || ARGOCD_DEFAULT_NAMESPACE;
    const app = apps.get(key(namespace, s.Name)) ?? { name: s.Name, namespace };
    if (s.health?.status) app.health = s.health.status;
    if (s.health?.message) app.healthMessage = s.health.message;
    if (s.sync?.status) app.sync = s.sync.status;
    apps.set(key(namespace, s.Name), app);
  }
  return [...apps.values()].map((a) =>
    baseUrl ? { ...a, url: argoCdAppUrl(baseUrl, a.namespace, a.name) } : a,
  );
}
