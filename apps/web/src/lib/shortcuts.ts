import { useEffect, useRef, useSyncExternalStore } from 'react';

export interface Shortcut {
  key: string;
  description: string;
}

/** True when a key press belongs to a text field, so single-key shortcuts must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof target !== 'object' || !('tagName' in target)) return false;
  const el = target as { tagName: string; isContentEditable?: boolean; type?: string };
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(
    (el.type ?? '').toLowerCase(),
  );
}

/** Whether a key event matches a shortcut key like "g", "?" or "/"; modifiers other than Shift never match. */
export function matchesKey(
  e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  key: string,
) {
  return !e.ctrlKey && !e.metaKey && !e.altKey && e.key === key;
}

let registered: readonly Shortcut[] = [];
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** Binds a single-key shortcut while the calling component is mounted and lists it in the `?` sheet. */
export function useShortcut(key: string, description: string, handler: () => void, enabled = true) {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    if (!enabled) return;
    const entry = { key, description };
    registered = [...registered, entry];
    emit();
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTypingTarget(e.target) || !matchesKey(e, key)) return;
      e.preventDefault();
      ref.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      registered = registered.filter((s) => s !== entry);
      emit();
    };
  }, [key, description, enabled]);
}

/**
 * Binds Ctrl-<key> (⌘-<key> on a Mac) while mounted, also while typing (a chord is never text),
 * and lists it in the `?` sheet as "Ctrl/⌘ <KEY>".
 */
export function useChordShortcut(key: string, description: string, handler: () => void) {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    const entry = { key: `Ctrl/⌘ ${key.toUpperCase()}`, description };
    registered = [...registered, entry];
    emit();
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (e.key.toLowerCase() !== key) return;
      e.preventDefault();
      ref.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      registered = registered.filter((s) => s !== entry);
      emit();
    };
  }, [key, description]);
}

export function useRegisteredShortcuts(): readonly Shortcut[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => registered,
  );
}
