import type { Capabilities } from '@wharf/shared/api';
import { useMemo, useSyncExternalStore } from 'react';
import type { Decision } from '@/lib/api/capabilities';
import { useProject } from './project-context';

/**
 * The project's capabilities as a store rather than a context value: when they arrive or
 * change, only the components whose reading of them changed re-render (600 stage nodes would
 * otherwise all re-render for the Promote buttons that flip).
 */
export interface CapabilitiesStore {
  get: () => Capabilities | undefined;
  subscribe: (onChange: () => void) => () => void;
  set: (caps: Capabilities | undefined) => void;
}

export function createCapabilitiesStore(initial: Capabilities | undefined): CapabilitiesStore {
  let caps = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => caps,
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    set: (next) => {
      if (next === caps) return;
      caps = next;
      listeners.forEach((l) => l());
    },
  };
}

/** All of the capabilities; re-renders whenever they change. */
export function useCapabilities(): Capabilities | undefined {
  const { capabilities } = useProject();
  return useSyncExternalStore(capabilities.subscribe, capabilities.get);
}

/** One decision read from the capabilities; re-renders only when that decision changes. */
export function useDecision(decide: (caps: Capabilities | undefined) => Decision): Decision {
  const { capabilities } = useProject();
  // The snapshot is the refusal's reason (null when allowed): a string compares by value.
  const reason = useSyncExternalStore(capabilities.subscribe, () => {
    const d = decide(capabilities.get());
    return d.allowed ? null : d.reason;
  });
  return useMemo(
    () => (reason === null ? { allowed: true } : { allowed: false, reason }),
    [reason],
  );
}
