import { useSyncExternalStore } from 'react';

const KEY = 'wharf.starredProjects';
const listeners = new Set<() => void>();
let cache: { raw: string | null; set: ReadonlySet<string> } = { raw: null, set: new Set() };

function read(): ReadonlySet<string> {
  const raw = localStorage.getItem(KEY);
  if (raw === cache.raw) return cache.set;
  let names: unknown = [];
  try {
    names = raw ? JSON.parse(raw) : [];
  } catch {
    names = [];
  }
  const set = new Set(
    Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [],
  );
  cache = { raw, set };
  return set;
}

export function toggleStar(name: string): void {
  const next = new Set(read());
  if (next.has(name)) next.delete(name);
  else next.add(name);
  localStorage.setItem(KEY, JSON.stringify([...next].sort()));
  listeners.forEach((l) => l());
}

/** Starred project names, kept in this browser's localStorage (and synced across its tabs). */
export function useStarred(): ReadonlySet<string> {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    const onStorage = (e: StorageEvent) => e.key === KEY && l();
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(l);
      window.removeEventListener('storage', onStorage);
    };
  }, read);
}
