import { z } from 'zod';

// Its own module, apart from socket.ts: the page's first chunk reads it on every connect.

/**
 * `wharf:build`, sent to each socket as it connects when the server serves a built web app: that
 * build's entry script (`assets/index-….js`, from Vite's manifest). A page loaded from another
 * build offers a reload instead of parsing messages its code may no longer read. Keep this shape:
 * pages of every older build must still read it.
 */
export const ServerBuildSchema = z.object({ entry: z.string().min(1) });
export type ServerBuild = z.infer<typeof ServerBuildSchema>;
