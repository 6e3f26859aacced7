import type { QueryClient } from '@tanstack/react-query';
import { connected, emitWithAck, whenInRoom, type AckCallback } from './join';
import { projectLiveKey } from './keys';
import { mergeFetched, type FetchedKinds, type ProjectState } from './project-state';

/**
 * Asks the BFF a question on the project room's socket (freight or promotions the snapshot left
 * out) and merges the answer's items into the live state. The BFF answers only sockets in the
 * room, so a join in flight (a return to the project) goes first; the answer arrives in order
 * with the deltas, so nothing merged is older than what the state holds.
 */
export async function askRoom<K extends keyof FetchedKinds, W extends { items: FetchedKinds[K][] }>(
  qc: QueryClient,
  project: string,
  kind: K,
  emit: (ack: AckCallback<unknown>) => void,
  parse: (raw: unknown) => W,
): Promise<W> {
  await connected();
  await whenInRoom(project);
  const answer = parse(await emitWithAck<unknown>(emit));
  qc.setQueryData<ProjectState>(projectLiveKey(project), (s) =>
    s ? mergeFetched(s, kind, answer.items) : s,
  );
  return answer;
}
