import { Composer, type Document, Parser } from 'yaml';
import type { ActionResultOf, AppliedResource } from '@wharf/shared/api';
import type { AccessCheck, Caller } from '../access/caller.js';
import { clientActingFor } from '../access/require.js';
import { toHttp } from '../errors/error-middleware.js';
import { InputError, PayloadTooLargeError } from '../errors/http-errors.js';
import { KubeApiError } from '../kube/kube-api-error.js';
import { KubeClient } from '../kube/kube-client.js';
import { refuseWhenNothingAllowed } from './nothing-allowed.js';

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string } & Record<string, unknown>;
  [key: string]: unknown;
}

interface ResourceInfo {
  plural: string;
  namespaced: boolean;
}

/** Most documents one apply takes: each costs several Kubernetes calls, made one after another. */
export const MAX_DOCUMENTS = 100;
/** YAML aliases one document may expand; more is the "billion laughs" resource-exhaustion attack. */
const MAX_ALIASES = 100;

/** Splits YAML/JSON documents; refuses the whole request when any document is malformed. */
export function parseManifests(text: string): Manifest[] {
  const docs: Document.Parsed[] = [];
  // Composed one document at a time, so a flood of documents is refused without parsing it all.
  for (const doc of new Composer().compose(new Parser().parse(text), true, text.length)) {
    if (docs.length === MAX_DOCUMENTS) {
      throw new PayloadTooLargeError(
        `The manifest holds more than ${MAX_DOCUMENTS} documents; apply it in parts. Nothing was applied.`,
      );
    }
    docs.push(doc as Document.Parsed);
  }
  const out: Manifest[] = [];
  docs.forEach((doc, i) => {
    if (doc.errors.length > 0) {
      throw new InputError(`Document ${i + 1} is not valid YAML: ${doc.errors[0]?.message ?? ''}`);
    }
    const value = toJS(doc, i);
    if (value === null || value === undefined) return;
    const m = value as Partial<Manifest>;
    if (
      typeof m.apiVersion !== 'string' ||
      typeof m.kind !== 'string' ||
      typeof m.metadata?.name !== 'string'
    ) {
      throw new InputError(`Document ${i + 1} needs apiVersion, kind and metadata.name.`);
    }
    out.push(m as Manifest);
  });
  if (out.length === 0) throw new InputError('The manifest holds no documents.');
  return out;
}

function toJS(doc: Document.Parsed, i: number): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    if (!(err instanceof ReferenceError)) throw err;
    throw new InputError(
      `Document ${i + 1} expands too many YAML aliases (${err.message}); nothing was applied.`,
    );
  }
}

/** Looks the kind up in API discovery, so any served kind (CRDs included) can be applied. */
async function resourceFor(
  client: KubeClient,
  apiVersion: string,
  kind: string,
): Promise<ResourceInfo> {
  const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
  const list = (await client.get(base)) as {
    resources?: { name: string; kind: string; namespaced: boolean }[];
  };
  const found = list.resources?.find((r) => r.kind === kind && !r.name.includes('/'));
  if (!found) throw new InputError(`The cluster serves no kind ${kind} in ${apiVersion}.`);
  return { plural: found.name, namespaced: found.namespaced };
}

function pathOf(
  m: Manifest,
  info: ResourceInfo,
  namespace: string | undefined,
  withName: boolean,
): string {
  const base = m.apiVersion.includes('/') ? `/apis/${m.apiVersion}` : `/api/${m.apiVersion}`;
  const ns = info.namespaced ? `/namespaces/${encodeURIComponent(namespace ?? 'default')}` : '';
  return `${base}${ns}/${info.plural}${withName ? `/${encodeURIComponent(m.metadata.name)}` : ''}`;
}

/** The Kubernetes check behind one verb on the document's object. */
function checkOf(
  m: Manifest,
  info: ResourceInfo,
  namespace: string | undefined,
  verb: string,
): AccessCheck {
  const slash = m.apiVersion.indexOf('/');
  return {
    verb,
    group: slash < 0 ? '' : m.apiVersion.slice(0, slash),
    resource: info.plural,
    ...(namespace ? { namespace } : {}),
    ...(verb === 'create' ? {} : { name: m.metadata.name }),
  };
}

/**
 * Create when absent, otherwise merge the document in (like `kubectl apply` without field
 * ownership). Each request is checked first and made as the identity that allowed that check.
 */
async function applyOne(
  caller: Caller,
  discovery: KubeClient,
  m: Manifest,
): Promise<AppliedResource> {
  const info = await resourceFor(discovery, m.apiVersion, m.kind);
  const namespace = info.namespaced ? (m.metadata.namespace ?? 'default') : undefined;
  const ref = {
    apiVersion: m.apiVersion,
    kind: m.kind,
    name: m.metadata.name,
    ...(namespace ? { namespace } : {}),
  };
  const { status: _status, ...doc } = m;
  const as = (verb: string) => clientActingFor(caller, checkOf(m, info, namespace, verb));
  try {
    await (await as('get')).get(pathOf(m, info, namespace, true));
  } catch (err) {
    if (err instanceof KubeApiError && err.status === 404) {
      await (await as('create')).create(pathOf(m, info, namespace, false), doc);
      return { ...ref, outcome: 'created' };
    }
    throw err;
  }
  await (await as('patch')).mergePatch(pathOf(m, info, namespace, true), doc);
  return { ...ref, outcome: 'configured' };
}

/** Applies documents in order as the caller; one failing document does not stop the rest. */
export async function applyResources(
  caller: Caller,
  manifest: string,
): Promise<ActionResultOf<'apply'>> {
  const docs = parseManifests(manifest);
  const discovery = new KubeClient(caller.discoveryKubeConfig());
  const results: AppliedResource[] = [];
  for (const m of docs) {
    try {
      results.push(await applyOne(caller, discovery, m));
    } catch (err) {
      const e = toHttp(err);
      results.push({
        apiVersion: m.apiVersion,
        kind: m.kind,
        name: m.metadata.name,
        ...(m.metadata.namespace ? { namespace: m.metadata.namespace } : {}),
        outcome: 'failed',
        error: { name: e.name, message: e.message },
      });
    }
  }
  refuseWhenNothingAllowed(
    results.map((r) => r.error),
    `apply any of these ${results.length} documents`,
  );
  return { action: 'apply', results };
}
