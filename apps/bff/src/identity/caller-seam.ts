// Mirrors the BFF's seam in ../access/caller.ts (same names, same shapes) until it lands;
// TypeScript's structural typing keeps the two interchangeable.
import type { KubeConfig } from '@kubernetes/client-node';
import type { Request } from 'express';

export interface AccessCheck {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

export interface Caller {
  actor: string;
  authorize(check: AccessCheck): Promise<AccessDecision>;
  kubeConfigFor(check?: AccessCheck): KubeConfig;
}

export type CallerResolver = (req: Request) => Promise<Caller>;

/** `promote stages/dev in project demo` */
export function describeCheck(c: AccessCheck): string {
  const res = [c.resource, c.subresource].filter(Boolean).join('/');
  const group = c.group ? `.${c.group}` : '';
  const target = c.name ? `${res}${group} "${c.name}"` : `${res}${group}`;
  return `${c.verb} ${target}${c.namespace ? ` in project ${c.namespace}` : ''}`;
}
