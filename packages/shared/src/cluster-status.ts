import { z } from 'zod';

/** A kind the BFF cannot keep live: Kubernetes refused it (`forbidden`) or its watch keeps failing. */
export const CacheProblemSchema = z.object({
  kind: z.string(),
  state: z.enum(['forbidden', 'failing']),
  message: z.string(),
});
export type CacheProblem = z.infer<typeof CacheProblemSchema>;

/** How the BFF reaches Kubernetes, and whether it can right now. */
export const ClusterStatusSchema = z.object({
  mode: z.enum(['embedded', 'kubeconfig', 'in-cluster']),
  /** Every kind the pipeline view needs is live. */
  connected: z.boolean(),
  server: z.string().optional(),
  kargoInstalled: z.boolean().optional(),
  message: z.string().optional(),
  /** Kinds that are not live; the rest of the dashboard keeps working. */
  problems: z.array(CacheProblemSchema).optional(),
});
export type ClusterStatus = z.infer<typeof ClusterStatusSchema>;
