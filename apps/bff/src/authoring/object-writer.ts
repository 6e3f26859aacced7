import {
  AUTHORING_KINDS,
  apiVersionOf,
  KubeObjectSchema,
  type AuthoringResource,
  type KubeObject,
  type ObjectWriteResult,
} from '@wharf/shared/authoring';
import { sameContent } from '@wharf/shared';
import type { AccessCheck, Caller } from '../access/caller.js';
import { clientActingFor } from '../access/require.js';
import { InputError } from '../errors/http-errors.js';
import { KubeApiError } from '../kube/kube-api-error.js';
import type { KubeClient } from '../kube/kube-client.js';
import { kubeRequest } from '../kube/kube-request.js';
import { writeRefusal } from './kube-refusal.js';
import { isSyntaxError, parseManifestText, type ParsedManifest } from '@wharf/shared/authoring';
import { forEditing, objectPath } from './object-path.js';

export interface ObjectTarget {
  resource: AuthoringResource;
  /** Required for namespaced kinds; ignored otherwise. */
  namespace?: string;
  /** Set on update/read/delete: the object's name from the URL. */
  name?: string;
}

/** Wharf's field manager and Kubernetes' strict field checks on every write. */
const WRITE_QUERY = 'fieldManager=wharf&fieldValidation=Strict';

function checkFor(verb: string, t: ObjectTarget): AccessCheck {
  const k = AUTHORING_KINDS[t.resource];
  return {
    verb,
    group: k.group,
    resource: t.resource,
    ...(k.namespaced && t.namespace ? { namespace: t.namespace } : {}),
    ...(t.name ? { name: t.name } : {}),
  };
}

/** Checks with Kubernetes that the caller may `verb` the target; returns a client acting as them. */
export async function clientFor(
  caller: Caller,
  verb: string,
  t: ObjectTarget,
): Promise<KubeClient> {
  return clientActingFor(caller, checkFor(verb, t));
}

function refuse(manifest: ParsedManifest, field: string, message: string): never {
  const line = manifest.lineOf(field);
  throw new InputError(message, { causes: [{ field, message, ...(line ? { line } : {}) }] });
}

/** The manifest's object, checked against the URL it was sent to (kind, namespace, name). */
function objectOf(manifest: ParsedManifest, t: ObjectTarget, update: boolean): KubeObject {
  const k = AUTHORING_KINDS[t.resource];
  const parsed = KubeObjectSchema.safeParse(manifest.value);
  if (!parsed.success)
    throw new InputError(
      'The manifest must be one object with apiVersion, kind and metadata.name.',
      {
        causes: parsed.error.issues.map((i) => {
          const field = i.path.join('.');
          const line = manifest.lineOf(field);
          return {
            field,
            message: `${field || 'object'}: ${i.message}`,
            ...(line ? { line } : {}),
          };
        }),
      },
    );
  const obj = parsed.data;
  if (obj.kind !== k.kind)
    refuse(manifest, 'kind', `kind must be ${k.kind} here, not ${obj.kind}.`);
  if (obj.apiVersion !== apiVersionOf(t.resource))
    refuse(manifest, 'apiVersion', `apiVersion must be ${apiVersionOf(t.resource)}.`);
  const { managedFields: _mf, ...metadata } = obj.metadata as Record<string, unknown>;
  const out = { ...obj, metadata: metadata as KubeObject['metadata'] };
  if (k.namespaced) {
    if (out.metadata.namespace && out.metadata.namespace !== t.namespace)
      refuse(
        manifest,
        'metadata.namespace',
        `metadata.namespace must be "${t.namespace ?? ''}", the project this is saved in.`,
      );
    out.metadata.namespace = t.namespace;
  }
  if (update) {
    if (out.metadata.name !== t.name)
      refuse(
        manifest,
        'metadata.name',
        `metadata.name must stay "${t.name ?? ''}"; renaming is delete and create.`,
      );
    if (!out.metadata.resourceVersion)
      refuse(
        manifest,
        'metadata.resourceVersion',
        'metadata.resourceVersion is required: it is how a change made by someone else since you opened the object is noticed instead of overwritten.',
      );
  }
  return out;
}

const isConflict = (err: unknown) =>
  err instanceof KubeApiError && err.status === 409 && err.reason === 'Conflict';

function warningsOf(header: string | string[] | undefined): string[] {
  const all = Array.isArray(header) ? header : header ? [header] : [];
  // `299 - "message"`, possibly several joined by commas.
  return all.flatMap((h) =>
    [...h.matchAll(/\d{3} [^ ]+ "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? ''),
  );
}

export async function send(
  client: KubeClient,
  method: 'POST' | 'PUT',
  path: string,
  body: unknown,
  dryRun: boolean,
): Promise<{ object: unknown; warnings: string[] }> {
  const res = await kubeRequest(client.kc, `${path}?${WRITE_QUERY}${dryRun ? '&dryRun=All' : ''}`, {
    method,
    body,
  });
  if (res.status < 200 || res.status >= 300) throw KubeApiError.fromBody(res.status, res.body);
  return {
    object: JSON.parse(res.body.toString('utf8')) as unknown,
    warnings: warningsOf(res.headers.warning),
  };
}

/** Bad YAML: Kubernetes parses the text itself (as a dry run), so the user reads its own words. */
async function syntaxRefusal(client: KubeClient, path: string, text: string, ours: string) {
  const res = await kubeRequest(client.kc, `${path}?dryRun=All`, {
    method: 'POST',
    body: text,
    contentType: 'application/yaml',
  }).catch(() => undefined);
  const theirs =
    res && res.status >= 400 ? KubeApiError.fromBody(res.status, res.body).message : undefined;
  const message = theirs ?? ours;
  const m = /line (\d+)/.exec(message);
  return new InputError(message, {
    causes: [{ message, ...(m?.[1] ? { line: Number(m[1]) } : {}) }],
  });
}

/**
 * The one write path for authorable kinds: authorized as the caller, validated by Kubernetes with
 * a dry run first (so nothing half-valid is stored), then written as the caller. Updates are
 * full replacements at the resourceVersion the user read: fields Wharf doesn't know survive, and
 * another writer's change is a 409 carrying the current object, never overwritten.
 */
export async function writeObject(
  caller: Caller,
  t: ObjectTarget,
  text: string,
  opts: { dryRun: boolean; base?: KubeObject },
): Promise<ObjectWriteResult> {
  const update = t.name !== undefined;
  const client = await clientFor(caller, update ? 'update' : 'create', t);
  const collection = objectPath(t.resource, t.namespace);
  const parsed = parseManifestText(text);
  if (isSyntaxError(parsed)) throw await syntaxRefusal(client, collection, text, parsed.message);
  const obj = objectOf(parsed, t, update);
  const path = update ? objectPath(t.resource, t.namespace, t.name) : collection;
  const method = update ? 'PUT' : 'POST';
  const current = () => readObject(caller, t);
  const write = async (body: KubeObject) => {
    const checked = await send(client, method, path, body, true);
    return opts.dryRun ? checked : send(client, method, path, body, false);
  };
  try {
    const done = await write(obj).catch(async (err: unknown) => {
      // Only status or bookkeeping moved since the user read it: write on top of the new version.
      if (!update || !opts.base || !isConflict(err)) throw err;
      const now = await current();
      if (!sameContent(opts.base, now)) throw err;
      return write({
        ...obj,
        metadata: { ...obj.metadata, resourceVersion: now.metadata.resourceVersion },
      });
    });
    return {
      dryRun: opts.dryRun,
      object: KubeObjectSchema.parse(forEditing(done.object as Record<string, unknown>)),
      warnings: done.warnings,
    };
  } catch (err) {
    throw await writeRefusal(err, parsed, update ? current : undefined);
  }
}

/** One object for editing, read as the caller: no status, no managedFields. */
export async function readObject(caller: Caller, t: ObjectTarget): Promise<KubeObject> {
  const client = await clientFor(caller, 'get', t);
  const obj = (await client.get(objectPath(t.resource, t.namespace, t.name))) as Record<
    string,
    unknown
  >;
  return KubeObjectSchema.parse(forEditing(obj));
}

/** Deletes as the caller; with `resourceVersion`, only the version the user looked at. */
export async function deleteObject(
  caller: Caller,
  t: ObjectTarget,
  resourceVersion?: string,
): Promise<void> {
  const client = await clientFor(caller, 'delete', t);
  await client.delete(
    objectPath(t.resource, t.namespace, t.name),
    resourceVersion ? { preconditions: { resourceVersion } } : undefined,
  );
}
