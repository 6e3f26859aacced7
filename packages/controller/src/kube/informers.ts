import {
  makeInformer,
  type Informer,
  type ObjectCache,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { KARGO_GROUP, KARGO_PLURALS, KARGO_VERSION, type KargoKind } from '../kargo/constants.js';
import type { KargoObject } from '../kargo/types.js';
import type { KubeClients } from './clients.js';
import type { Clock } from './clock.js';
import type { OwnWrites } from './own-writes.js';

export type Handler<T> = (obj: T, event: 'add' | 'update' | 'delete') => void;

export interface KindInformer<T extends KargoObject> {
  list(namespace?: string): T[];
  get(name: string, namespace?: string): T | undefined;
  onChange(handler: Handler<T>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface Logger {
  warn(obj: object, msg?: string): void;
}

/**
 * A list-then-watch cache of one Kargo kind across all namespaces; restarts with capped backoff.
 * Every event it applies is reported to `writes` (read-your-writes for the reconcilers).
 */
export function kindInformer<T extends KargoObject>(
  clients: KubeClients,
  kind: KargoKind,
  clock: Clock,
  logger: Logger,
  writes?: OwnWrites,
): KindInformer<T> {
  const plural = KARGO_PLURALS[kind];
  const path = `/apis/${KARGO_GROUP}/${KARGO_VERSION}/${plural}`;
  writes?.watch(kind, (ns, name) => informer.get(name, ns)?.metadata?.resourceVersion);
  const listFn = async () => {
    const mark = writes?.mark() ?? 0;
    const list: unknown = await clients.custom.listClusterCustomObject({
      group: KARGO_GROUP,
      version: KARGO_VERSION,
      plural,
    });
    // A re-list may skip watch events; the list holds every write made before it was sent. The
    // informer applies the list right after this returns, so release those writes just after.
    setImmediate(() => writes?.relisted(kind, mark));
    return list as { metadata?: { resourceVersion?: string }; items: KubernetesObject[] };
  };
  const informer: Informer<KubernetesObject> & ObjectCache<KubernetesObject> = makeInformer(
    clients.kc,
    path,
    listFn,
  );
  const handlers: Handler<T>[] = [];
  let stopped = false;
  let failures = 0;
  const emit = (event: 'add' | 'update' | 'delete') => (obj: KubernetesObject) => {
    const { namespace, name = '', uid = '', resourceVersion = '' } = obj.metadata ?? {};
    writes?.observed(
      kind,
      namespace,
      name,
      event === 'delete' ? { deletedUid: uid } : { rv: resourceVersion },
    );
    for (const h of handlers) h(obj as unknown as T, event);
  };
  informer.on('add', emit('add'));
  informer.on('update', emit('update'));
  informer.on('delete', emit('delete'));
  informer.on('connect', () => {
    failures = 0;
  });
  informer.on('error', (err: unknown) => {
    if (stopped) return;
    failures++;
    logger.warn({ kind, err: String(err), attempt: failures }, 'watch failed; restarting');
    clock.setTimeout(
      () => {
        if (!stopped) informer.start().catch(() => undefined);
      },
      Math.min(200 * 2 ** failures, 10_000),
    );
  });
  return {
    list: (namespace) => informer.list(namespace) as unknown as T[],
    get: (name, namespace) => informer.get(name, namespace) as unknown as T | undefined,
    onChange: (h) => handlers.push(h),
    start: () => informer.start(),
    stop: async () => {
      stopped = true;
      await informer.stop();
    },
  };
}
