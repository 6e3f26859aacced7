import type { KubeConfig } from '@kubernetes/client-node';
import type { Request } from 'express';

/** One Kubernetes authorization question (the fields of a SubjectAccessReview's resourceAttributes). */
export interface AccessCheck {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

/** Who is asking, and how to act as them. Kubernetes decides every permission. */
export interface Caller {
  /** Kargo actor string, e.g. 'admin', 'email:a@x.io', 'kubernetes:<user>'. */
  actor: string;
  authorize(check: AccessCheck): Promise<AccessDecision>;
  /**
   * A KubeConfig whose requests act as the identity that allowed `check` (impersonation or the
   * caller's own token), for writes and the proxy. Call `authorize(check)` first.
   */
  kubeConfigFor(check: AccessCheck): KubeConfig;
  /** A KubeConfig acting as this caller for what every signed-in identity may read: API discovery and OpenAPI. */
  discoveryKubeConfig(): KubeConfig;
}

/** Throws an UnauthorizedError when not signed in. */
export type CallerResolver = (req: Request) => Promise<Caller>;
