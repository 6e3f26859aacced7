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

/**
 * While mounted and enabled, lists `entry` in the `?` sheet and calls the latest `handler` for
 * key presses `accepts` takes: the one binding both kinds of shortcut share.
 */
function useKeyBinding(
  entry: Shortcut,
  accepts: (e: KeyboardEvent) => boolean,
  handler: () => void,
  enabled: boolean,
) {
  const ref = useRef(handler);
  const acceptsRef = useRef(accepts);
  useEffect(() => {
    ref.current = handler;
    acceptsRef.current = accepts;
  });
  const { key, description } = entry;
  useEffect(() => {
    if (!enabled) return;
    const listed = { key, description };
    registered = [...registered, listed];
    emit();
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || !acceptsRef.current(e)) return;
      e.preventDefault();
      ref.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      registered = registered.filter((s) => s !== listed);
      emit();
    };
  }, [key, description, enabled]);
}

/** Binds a single-key shortcut while the calling component is mounted and lists it in the `?` sheet. */
export function useShortcut(key: string, description: string, handler: () => void, enabled = true) {
  useKeyBinding(
    { key, description },
    (e) => !isTypingTarget(e.target) && matchesKey(e, key),
    handler,
    enabled,
  );
}

/**
 * Binds Ctrl-<key> (⌘-<key> on a Mac) while mounted, also while typing (a chord is never text),
 * and lists it in the `?` sheet as "Ctrl/⌘ <KEY>".
 */
export function useChordShortcut(key: string, description: string, handler: () => void) {
  useKeyBinding(
    { key: `Ctrl/⌘ ${key.toUpperCase()}`, description },
    (e) => (e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === key,
    handler,
    true,
  );
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
