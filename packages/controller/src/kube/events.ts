import { randomBytes } from 'node:crypto';
import type { KargoEventReason } from '@wharf/shared';
import { KARGO_API_VERSION } from '@wharf/shared';
import type { KubeClients } from './clients.js';

export interface Involved {
  kind: 'Promotion' | 'Freight' | 'Stage' | 'Warehouse';
  name: string;
  namespace: string;
  uid?: string;
}

export interface KargoEvent {
  involved: Involved;
  reason: KargoEventReason;
  message: string;
  annotations: Record<string, string>;
  component: string;
  type?: 'Normal' | 'Warning';
}

export type EventRecorder = (e: KargoEvent) => Promise<void>;

/** Records core/v1 Events the way Kargo does: reason = Kargo event type, annotations carry details. */
export function eventRecorder(clients: KubeClients, now: () => Date): EventRecorder {
  return async (e) => {
    const at = now();
    await clients.core.createNamespacedEvent({
      namespace: e.involved.namespace,
      body: {
        metadata: {
          name: `${e.involved.name}.${randomBytes(8).toString('hex')}`,
          namespace: e.involved.namespace,
          annotations: e.annotations,
        },
        involvedObject: {
          apiVersion: KARGO_API_VERSION,
          kind: e.involved.kind,
          name: e.involved.name,
          namespace: e.involved.namespace,
          ...(e.involved.uid ? { uid: e.involved.uid } : {}),
        },
        reason: e.reason,
        message: e.message,
        type: e.type ?? 'Normal',
        source: { component: e.component },
        reportingComponent: e.component,
        firstTimestamp: at,
        lastTimestamp: at,
        count: 1,
      },
    });
  };
}
