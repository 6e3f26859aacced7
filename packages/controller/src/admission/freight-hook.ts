import { isDeepStrictEqual } from 'node:util';
import {
  currentFreightNames,
  freightName,
  KARGO_GROUP,
  LABELS,
  type Freight,
  type Stage,
} from '@wharf/shared';
import { generateAlias } from '../freight/alias.js';
import { rfc3339 } from '../kube/clock.js';
import type { KargoApi } from '../kube/kargo-api.js';
import type { AdmissionHook, AdmissionRequest } from './hook-types.js';
import { allow, guard, Refusal } from './responses.js';
import type { ApprovalRecorder } from './approvals.js';

const IMMUTABLE = ['origin', 'commits', 'images', 'charts', 'artifacts'] as const;

interface Deps {
  api: KargoApi;
  /** The Stages of a namespace, as the controller's cache holds them. */
  stagesIn: (namespace: string) => Promise<Stage[]>;
  recordApprovals: ApprovalRecorder;
  now: () => Date;
}

const asFreight = (o: Record<string, unknown> | undefined): Freight => {
  if (!o || typeof o.metadata !== 'object')
    throw new Refusal(400, 'the request carries no Freight object');
  return o as unknown as Freight;
};

// A label value; anything else is refused by the API server's own label validation.
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * Whether another Freight in the namespace has the alias. Asked by the alias label, as Kargo's
 * webhook asks: the answer holds one or two objects, not the namespace's thousands of Freight.
 */
async function aliasTaken(
  api: KargoApi,
  namespace: string,
  alias: string,
  except?: string,
): Promise<boolean> {
  if (alias.length > 63 || !LABEL_VALUE.test(alias)) return false;
  const same = await api.list<Freight>('Freight', namespace, `${LABELS.alias}=${alias}`);
  return same.some((f) => f.metadata.name !== except);
}

/** A free adjective-animal alias; only when random picks keep colliding is every alias read. */
async function unusedAlias(api: KargoApi, namespace: string): Promise<string> {
  for (let i = 0; i < 10; i++) {
    const alias = generateAlias(new Set(), 1);
    if (!(await aliasTaken(api, namespace, alias))) return alias;
  }
  const all = await api.list<Freight>('Freight', namespace);
  return generateAlias(new Set(all.flatMap((f) => (f.alias ? [f.alias] : []))));
}

/** Keeps the alias field and label equal: whichever changed wins; a new Freight gets a generated one. */
async function withAlias(
  api: KargoApi,
  f: Freight,
  old: Freight | undefined,
  namespace: string,
): Promise<Freight> {
  const label = f.metadata.labels?.[LABELS.alias];
  let alias =
    f.alias !== old?.alias
      ? f.alias
      : label !== old?.metadata.labels?.[LABELS.alias]
        ? label
        : f.alias;
  alias ||= label;
  if (!alias) alias = await unusedAlias(api, namespace);
  return {
    ...f,
    alias,
    metadata: { ...f.metadata, labels: { ...f.metadata.labels, [LABELS.alias]: alias } },
  };
}

async function checkAliasUnique(api: KargoApi, f: Freight, namespace: string): Promise<void> {
  if (f.alias && (await aliasTaken(api, namespace, f.alias, f.metadata.name)))
    throw new Refusal(
      409,
      `alias "${f.alias}" is already used by another Freight in namespace "${namespace}"; choose another alias`,
      'alias',
    );
}

async function mutate(deps: Deps, req: AdmissionRequest) {
  const ns = req.namespace ?? '';
  if (req.subresource === 'status' || req.operation === 'DELETE') return allow();
  const f = asFreight(req.object);
  const old = req.oldObject ? asFreight(req.oldObject) : undefined;
  const named =
    req.operation === 'CREATE'
      ? { ...f, metadata: { ...f.metadata, name: freightName(f.origin.name, f) } }
      : f;
  // As Kargo's webhook: Freight made by hand is discovered when it is created, so it sorts as newest.
  if (!named.discoveredAt)
    named.discoveredAt = rfc3339(
      named.metadata.creationTimestamp ? new Date(named.metadata.creationTimestamp) : deps.now(),
    );
  return allow(await withAlias(deps.api, named, old, ns));
}

async function validate(deps: Deps, req: AdmissionRequest) {
  const ns = req.namespace ?? '';
  if (req.operation === 'DELETE') {
    // As Kargo's webhook: in use means a Stage that exists holds it now (its current freight),
    // whatever the Freight's own status says; so a namespace being torn down frees it once its
    // Stages are gone.
    const old = asFreight(req.oldObject);
    const holders = (await deps.stagesIn(ns))
      .filter((s) => currentFreightNames(s).includes(old.metadata.name))
      .map((s) => `"${s.metadata.name}"`)
      .sort();
    if (holders.length)
      throw new Refusal(
        403,
        `freight is in-use by stages (${holders.join(', ')}); promote other Freight there before deleting it`,
      );
    return allow();
  }
  const f = asFreight(req.object);
  if (req.subresource === 'status') {
    if (!req.dryRun)
      await deps.recordApprovals(req, f, req.oldObject ? asFreight(req.oldObject) : undefined);
    return allow();
  }
  if (!f.origin?.name)
    throw new Refusal(
      422,
      'origin.name is required: the Warehouse this Freight comes from',
      'origin',
    );
  if (
    req.operation === 'CREATE' &&
    !(f.commits?.length || f.images?.length || f.charts?.length || f.artifacts?.length)
  )
    throw new Refusal(
      422,
      'Freight needs at least one commit, image, chart or artifact',
      'commits',
    );
  if (req.operation === 'UPDATE') {
    const old = asFreight(req.oldObject);
    for (const field of IMMUTABLE)
      if (!isDeepStrictEqual(f[field], old[field]))
        throw new Refusal(422, `${field} is immutable on Freight`, field);
  }
  await checkAliasUnique(deps.api, f, ns);
  return allow();
}

export function freightHook(deps: Deps): AdmissionHook {
  return {
    name: 'freight.kargo.akuity.io',
    matches: (r) => r.group === KARGO_GROUP && r.resource === 'freights',
    mutate: (req) => guard('freight webhook', () => mutate(deps, req)),
    validate: (req) => guard('freight webhook', () => validate(deps, req)),
  };
}
