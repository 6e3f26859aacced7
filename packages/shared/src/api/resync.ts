import { z } from 'zod';

// Its own module, apart from socket.ts and the schemas of every room: a screen that only listens
// for it (Needs attention) then builds only this schema, not every room's, before its first paint.

/**
 * The server lost continuity (cache re-listed, watch restarted), or what the socket may see
 * changed (scope `attention`: the projects visible to it): join again for a snapshot.
 */
export const ResyncRequiredSchema = z.object({
  scope: z.enum(['project', 'projects', 'attention']),
  project: z.string().optional(),
  reason: z.string(),
});
export type ResyncRequired = z.infer<typeof ResyncRequiredSchema>;
