import {
  FreightSchema,
  freightAssemblyProblems,
  freightName,
  KARGO_API_VERSION,
  LABELS,
  normalizeGitUrl,
  type Freight,
  type Warehouse,
} from '@wharf/shared';
import type { ActionResultOf, CreateFreightRequest } from '@wharf/shared/api';
import { ConflictError, NotFoundError, UnprocessableError } from '../errors/http-errors.js';
import { kargoPath } from '../kube/paths.js';
import { toFreightView } from '../views/freight-view.js';
import { requireProject, writerFor, type ActionContext } from './action-context.js';

/** Commit details (subject, author…) as the warehouse discovered them, else as an existing Freight has them. */
function commitDetails(w: Warehouse, others: Freight[], repoURL: string, id: string) {
  const repo = normalizeGitUrl(repoURL);
  for (const g of w.status?.discoveredArtifacts?.git ?? []) {
    if (normalizeGitUrl(g.repoURL) !== repo) continue;
    const c = g.commits?.find((x) => x.id === id);
    if (c)
      return {
        ...(c.subject ? { message: c.subject } : {}),
        ...(c.author ? { author: c.author } : {}),
        ...(c.committer ? { committer: c.committer } : {}),
      };
  }
  const known = others.flatMap((f) => f.commits ?? []).find((c) => c.id === id);
  return known
    ? {
        ...(known.message ? { message: known.message } : {}),
        ...(known.author ? { author: known.author } : {}),
        ...(known.committer ? { committer: known.committer } : {}),
      }
    : {};
}

function imageAnnotations(w: Warehouse, repoURL: string, tag: string, digest: string) {
  const found = (w.status?.discoveredArtifacts?.images ?? [])
    .filter((i) => i.repoURL === repoURL)
    .flatMap((i) => i.references ?? [])
    .find((r) => r.tag === tag && r.digest === digest);
  return found?.annotations ? { annotations: found.annotations } : {};
}

/**
 * Creates Freight from artifacts picked by hand (Kargo's "assemble freight"): one per subscription
 * of the warehouse, named by Kargo's rule, as the caller. Kargo's webhook sets discoveredAt, so it
 * sorts as the newest Freight and auto-promotion considers it.
 */
export async function createFreight(
  ctx: ActionContext,
  warehouseName: string,
  req: CreateFreightRequest,
): Promise<ActionResultOf<'create-freight'>> {
  requireProject(ctx);
  const w = ctx.reader.get('warehouses', warehouseName);
  if (!w)
    throw new NotFoundError(
      `There is no warehouse "${warehouseName}" in project "${ctx.reader.project}".`,
    );
  const others = ctx.reader.list('freight').filter((f) => f.origin.name === warehouseName);
  const artifacts = {
    commits: (req.commits ?? []).map((c) => ({
      repoURL: c.repoURL,
      id: c.id,
      ...(c.tag ? { tag: c.tag } : c.branch ? { branch: c.branch } : {}),
      ...commitDetails(w, others, c.repoURL, c.id),
    })),
    images: (req.images ?? []).map((i) => ({
      repoURL: i.repoURL,
      tag: i.tag,
      digest: i.digest,
      ...imageAnnotations(w, i.repoURL, i.tag, i.digest),
    })),
    charts: (req.charts ?? []).map((c) => ({
      repoURL: c.repoURL,
      ...(c.name ? { name: c.name } : {}),
      version: c.version,
    })),
  };
  const problems = freightAssemblyProblems(warehouseName, w.spec.subscriptions, artifacts);
  if (problems.length)
    throw new UnprocessableError(`This freight can't be created: ${problems.join('; ')}.`);
  const name = freightName(warehouseName, artifacts);
  const existing = ctx.reader.get('freight', name);
  if (existing)
    throw new ConflictError(
      `Freight with these artifacts already exists: ${existing.alias ?? name}. Promote that one instead.`,
    );
  if (req.alias && ctx.reader.freightByAlias(req.alias))
    throw new ConflictError(`The alias "${req.alias}" is already taken; choose another.`);
  const writer = await writerFor(ctx, 'create', 'freights');
  const body = {
    apiVersion: KARGO_API_VERSION,
    kind: 'Freight',
    metadata: {
      name,
      namespace: ctx.reader.project,
      ...(req.alias ? { labels: { [LABELS.alias]: req.alias } } : {}),
    },
    ...(req.alias ? { alias: req.alias } : {}),
    origin: { kind: 'Warehouse', name: warehouseName },
    ...(artifacts.commits.length ? { commits: artifacts.commits } : {}),
    ...(artifacts.images.length ? { images: artifacts.images } : {}),
    ...(artifacts.charts.length ? { charts: artifacts.charts } : {}),
  };
  const created = await writer.create(kargoPath('freights', ctx.reader.project), body);
  return { action: 'create-freight', freight: toFreightView(FreightSchema.parse(created)) };
}
