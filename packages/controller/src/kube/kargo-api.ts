import { PatchStrategy, setHeaderOptions } from '@kubernetes/client-node';
import {
  CLUSTER_SCOPED,
  KARGO_API_VERSION,
  KARGO_GROUP,
  KARGO_PLURALS,
  KARGO_VERSION,
  type KargoKind,
} from '../kargo/constants.js';
import type { KargoObject } from '../kargo/types.js';
import { isNotFound, type KubeClients } from './clients.js';
import type { OwnWrites } from './own-writes.js';

interface AnsweredMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  deletionTimestamp?: string;
  finalizers?: string[];
}

const MERGE = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

/**
 * Typed access to Kargo's custom resources through the Kubernetes API. Writes are reported to
 * `writes`, so reconcilers reading informer caches can wait until the caches show them.
 */
export class KargoApi {
  constructor(
    private readonly clients: KubeClients,
    private readonly writes?: OwnWrites,
  ) {}

  private written(kind: KargoKind, answer: unknown, deleted = false): void {
    const meta = (answer as { metadata?: AnsweredMeta }).metadata;
    if (!meta?.name) return;
    // An object a finalizer keeps is updated, not deleted.
    if (deleted && !(meta.deletionTimestamp && meta.finalizers?.length)) {
      if (meta.uid) this.writes?.wrote(kind, meta.namespace, meta.name, { deletedUid: meta.uid });
    } else if (meta.resourceVersion)
      this.writes?.wrote(kind, meta.namespace, meta.name, {
        rv: meta.resourceVersion,
        ...(meta.uid ? { uid: meta.uid } : {}),
      });
  }

  private ref(kind: KargoKind, namespace?: string) {
    const base = { group: KARGO_GROUP, version: KARGO_VERSION, plural: KARGO_PLURALS[kind] };
    if (CLUSTER_SCOPED.has(kind)) return { ...base, namespace: undefined };
    if (!namespace) throw new Error(`${kind} is namespaced: a namespace is required`);
    return { ...base, namespace };
  }

  async get<T extends KargoObject>(
    kind: KargoKind,
    namespace: string | undefined,
    name: string,
  ): Promise<T | undefined> {
    const r = this.ref(kind, namespace);
    try {
      const obj: unknown = r.namespace
        ? await this.clients.custom.getNamespacedCustomObject({
            ...r,
            namespace: r.namespace,
            name,
          })
        : await this.clients.custom.getClusterCustomObject({ ...r, name });
      return obj as T;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async list<T extends KargoObject>(
    kind: KargoKind,
    namespace?: string,
    labelSelector?: string,
  ): Promise<T[]> {
    const r = { ...this.ref(kind, namespace), ...(labelSelector ? { labelSelector } : {}) };
    const list: unknown = r.namespace
      ? await this.clients.custom.listNamespacedCustomObject({ ...r, namespace: r.namespace })
      : await this.clients.custom.listClusterCustomObject(r);
    return ((list as { items?: T[] }).items ?? []) as T[];
  }

  async create<T extends KargoObject>(kind: KargoKind, obj: T): Promise<T> {
    const r = this.ref(kind, obj.metadata.namespace);
    const body = { apiVersion: KARGO_API_VERSION, kind, ...obj };
    const created: unknown = r.namespace
      ? await this.clients.custom.createNamespacedCustomObject({
          ...r,
          namespace: r.namespace,
          body,
        })
      : await this.clients.custom.createClusterCustomObject({ ...r, body });
    this.written(kind, created);
    return created as T;
  }

  /** JSON merge patch of the main resource (metadata, spec, Freight's top-level fields). */
  async patch(
    kind: KargoKind,
    namespace: string | undefined,
    name: string,
    body: object,
  ): Promise<void> {
    const r = this.ref(kind, namespace);
    const patched: unknown = r.namespace
      ? await this.clients.custom.patchNamespacedCustomObject(
          { ...r, namespace: r.namespace, name, body },
          MERGE,
        )
      : await this.clients.custom.patchClusterCustomObject({ ...r, name, body }, MERGE);
    this.written(kind, patched);
  }

  /** JSON merge patch of the status subresource; `status` is wrapped here. */
  async patchStatus(
    kind: KargoKind,
    namespace: string | undefined,
    name: string,
    status: object,
  ): Promise<void> {
    const r = this.ref(kind, namespace);
    const body = { status };
    const patched: unknown = r.namespace
      ? await this.clients.custom.patchNamespacedCustomObjectStatus(
          { ...r, namespace: r.namespace, name, body },
          MERGE,
        )
      : await this.clients.custom.patchClusterCustomObjectStatus({ ...r, name, body }, MERGE);
    this.written(kind, patched);
  }

  async delete(kind: KargoKind, namespace: string | undefined, name: string): Promise<void> {
    const r = this.ref(kind, namespace);
    let answer: unknown;
    try {
      answer = r.namespace
        ? await this.clients.custom.deleteNamespacedCustomObject({
            ...r,
            namespace: r.namespace,
            name,
          })
        : await this.clients.custom.deleteClusterCustomObject({ ...r, name });
    } catch (err) {
      if (!isNotFound(err)) throw err;
      return;
    }
    this.written(kind, answer, true);
  }
}
