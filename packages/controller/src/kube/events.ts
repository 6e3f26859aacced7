import { randomBytes } from 'node:crypto';
import type { CoreV1Event } from '@kubernetes/client-node';
import { kubeEventOf, type KargoEventSpec } from '@wharf/shared';
import type { KubeClients } from './clients.js';

/** What the embedded Kargo records; the shared spec, so Wharf's BFF records the same shape. */
export type KargoEvent = KargoEventSpec;

export type EventRecorder = (e: KargoEvent) => Promise<void>;

/** Records core/v1 Events the way Kargo does: reason = Kargo event type, annotations carry details. */
export function eventRecorder(clients: KubeClients, now: () => Date): EventRecorder {
  return async (e) => {
    const at = now();
    const name = `${e.involved.name}.${randomBytes(8).toString('hex')}`;
    const body = kubeEventOf(e, at.toISOString(), { name });
    // The client serialises its timestamps from Dates.
    await clients.core.createNamespacedEvent({
      namespace: e.involved.namespace,
      body: { ...body, firstTimestamp: at, lastTimestamp: at } as CoreV1Event,
    });
  };
}
