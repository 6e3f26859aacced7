import { z } from 'zod';

/** A DNS-subdomain object name as Kubernetes accepts it (lower case, digits, `-` and `.`). */
export const KubeNameSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, 'must be a lower-case Kubernetes name');

/** A project's name: its namespace's, a DNS-1123 label (lower case, digits and `-`, at most 63). */
export const ProjectNameSchema = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a project (namespace) name');
