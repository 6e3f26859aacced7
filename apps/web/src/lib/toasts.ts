import { useSyncExternalStore } from 'react';

export interface Toast {
  id: number;
  message: string;
  severity: 'error' | 'success' | 'info';
}

let toasts: readonly Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Only QueryCache/MutationCache onError (and explicit user feedback) should call this. */
export function pushToast(message: string, severity: Toast['severity'] = 'error'): void {
  toasts = [...toasts, { id: nextId++, message, severity }].slice(-3);
  emit();
}

export function dismissToast(id: number): void {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => toasts,
  );
}
