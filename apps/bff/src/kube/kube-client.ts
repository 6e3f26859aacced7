import type { KubeConfig } from '@kubernetes/client-node';
import { KubeApiError } from './kube-api-error.js';
import { kubeRequest, type KubeRequestInit } from './kube-request.js';

export const MERGE_PATCH = 'application/merge-patch+json';

/** Thin JSON client over the Kubernetes REST API; throws KubeApiError on any non-2xx answer. */
export class KubeClient {
  constructor(readonly kc: KubeConfig) {}

  async request(path: string, init: KubeRequestInit = {}): Promise<unknown> {
    const res = await kubeRequest(this.kc, path, init);
    if (res.status < 200 || res.status >= 300) throw KubeApiError.fromBody(res.status, res.body);
    return res.body.length ? (JSON.parse(res.body.toString('utf8')) as unknown) : undefined;
  }

  get(path: string): Promise<unknown> {
    return this.request(path);
  }

  create(path: string, body: unknown): Promise<unknown> {
    return this.request(path, { method: 'POST', body });
  }

  /** POST of a review (access, token): it stores nothing, so it is safe to send again. */
  review(path: string, body: unknown): Promise<unknown> {
    return this.request(path, { method: 'POST', body, idempotent: true });
  }

  replace(path: string, body: unknown): Promise<unknown> {
    return this.request(path, { method: 'PUT', body });
  }

  mergePatch(path: string, patch: unknown): Promise<unknown> {
    return this.request(path, { method: 'PATCH', body: patch, contentType: MERGE_PATCH });
  }

  delete(path: string, options?: unknown): Promise<unknown> {
    return this.request(path, { method: 'DELETE', ...(options ? { body: options } : {}) });
  }
}
