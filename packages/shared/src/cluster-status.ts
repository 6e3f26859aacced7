import { z } from 'zod';

/** How the BFF reaches Kubernetes, and whether it can right now. */
export const ClusterStatusSchema = z.object({
  mode: z.enum(['embedded', 'kubeconfig', 'in-cluster']),
  connected: z.boolean(),
  server: z.string().optional(),
  kargoInstalled: z.boolean().optional(),
  message: z.string().optional(),
});
export type ClusterStatus = z.infer<typeof ClusterStatusSchema>;
