/**
 * The BFF remembers access decisions this long. Another replica may answer the first refetch
 * before its own watch has seen the change, so ask once more after its memory has lapsed.
 */
const REPLICA_DECISION_TTL_MS = 3500;

/**
 * What a screen does on `access:changed`: `refetch` now, and again once every replica's memory
 * of the old decisions has lapsed. `stop` drops the second asks still waiting.
 */
export function refetchOnAccessChange<A extends unknown[]>(
  refetch: (...args: A) => void,
): { changed(...args: A): void; stop(): void } {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  return {
    changed: (...args) => {
      refetch(...args);
      const t = setTimeout(() => (timers.delete(t), refetch(...args)), REPLICA_DECISION_TTL_MS);
      timers.add(t);
    },
    stop: () => {
      timers.forEach(clearTimeout);
      timers.clear();
    },
  };
}
