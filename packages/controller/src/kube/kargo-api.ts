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

const MERGE = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

/** Typed access to Kargo's custom resources through the Kubernetes API. */
export class KargoApi {
  constructor(private readonly clients: KubeClients) {}

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

  async list<T extends KargoObject>(kind: KargoKind, namespace?: string): Promise<T[]> {
    const r = this.ref(kind, namespace);
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
    if (r.namespace)
      await this.clients.custom.patchNamespacedCustomObject(
        { ...r, namespace: r.namespace, name, body },
        MERGE,
      );
    else await this.clients.custom.patchClusterCustomObject({ ...r, name, body }, MERGE);
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
    if (r.namespace)
      await this.clients.custom.patchNamespacedCustomObjectStatus(
        { ...r, namespace: r.namespace, name, body },
        MERGE,
      );
    else await this.clients.custom.patchClusterCustomObjectStatus({ ...r, name, body }, MERGE);
  }

  async delete(kind: KargoKind, namespace: string | undefined, name: string): Promise<void> {
    const r = this.ref(kind, namespace);
    try {
      if (r.namespace)
        await this.clients.custom.deleteNamespacedCustomObject({
          ...r,
          namespace: r.namespace,
          name,
        });
      else await this.clients.custom.deleteClusterCustomObject({ ...r, name });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}
