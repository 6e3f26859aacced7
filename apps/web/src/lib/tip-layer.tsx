import { useEffect, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import './tip-layer.css';

/** As MUI's Tooltip: a pointer passing over many tips does not flash every one it crosses. */
const HOVER_DELAY = 100;
const GAP = 6;

interface Tip {
  text: string;
  left: number;
  top?: number;
  bottom?: number;
}

/** The element a pointer or focus is on that carries a tooltip, if inside the root. */
function tipTarget(target: EventTarget | null, root: HTMLElement): HTMLElement | null {
  const el = target instanceof Element ? target.closest<HTMLElement>('[data-tip]') : null;
  return el && root.contains(el) ? el : null;
}

function place(el: HTMLElement): Tip {
  const r = el.getBoundingClientRect();
  const left = Math.min(Math.max(r.left + r.width / 2, 150), window.innerWidth - 150);
  const text = el.dataset.tip ?? '';
  return r.bottom + 48 < window.innerHeight
    ? { text, left, top: r.bottom + GAP }
    : { text, left, bottom: window.innerHeight - r.top + GAP };
}

/**
 * One tooltip for a whole region instead of one per element (the graph's nodes, Needs attention's
 * rows): any element inside `root` with a `data-tip` shows it on hover and on focus (Escape hides
 * it), and is described by it while shown. Mounting an element costs nothing for its tooltip.
 * `id` names the tooltip element, unique on the page. Mount it with `root`'s element.
 */
export function TipLayer({ root, id }: { root: RefObject<HTMLElement | null>; id: string }) {
  const [tip, setTip] = useState<Tip | null>(null);
  useEffect(() => {
    const container = root.current;
    if (!container) return;
    let shown: HTMLElement | null = null;
    let timer = 0;
    let watch = 0;
    const hide = () => {
      window.clearTimeout(timer);
      window.clearInterval(watch);
      shown?.removeAttribute('aria-describedby');
      shown = null;
      setTip(null);
    };
    const show = (el: HTMLElement, again = false) => {
      window.clearTimeout(timer);
      if (el === shown && !again) return;
      hide();
      shown = el;
      el.setAttribute('aria-describedby', id);
      const placed = place(el);
      const text = placed.text;
      setTip(placed);
      // A node can unmount (culled, re-rendered) or change its text under the tooltip.
      watch = window.setInterval(() => {
        if (!el.isConnected) hide();
        else if (el.dataset.tip !== text) show(el, true);
      }, 300);
    };
    const onOver = (e: MouseEvent) => {
      const el = tipTarget(e.target, container);
      window.clearTimeout(timer);
      if (el === shown) return;
      if (!el) {
        if (shown && !shown.contains(document.activeElement)) hide();
        return;
      }
      timer = window.setTimeout(() => show(el), HOVER_DELAY);
    };
    const onFocusIn = (e: FocusEvent) => {
      const el = tipTarget(e.target, container);
      if (el) show(el);
      else hide();
    };
    const onFocusOut = (e: FocusEvent) => {
      if (shown && !shown.contains(e.relatedTarget as Node | null)) hide();
    };
    // Captured, so it comes for every element left: only leaving the root hides.
    const onLeave = (e: MouseEvent) => {
      if (e.target === container) hide();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') hide();
    };
    const listeners = [
      ['mouseover', onOver],
      ['mouseleave', onLeave],
      ['focusin', onFocusIn],
      ['focusout', onFocusOut],
      ['keydown', onKey],
      ['wheel', hide],
      ['pointerdown', hide],
    ] as const;
    // Capturing: the graph pane's pan and zoom handlers stop their events from bubbling.
    listeners.forEach(([type, l]) => container.addEventListener(type, l as EventListener, true));
    return () => {
      listeners.forEach(([type, l]) =>
        container.removeEventListener(type, l as EventListener, true),
      );
      hide();
    };
  }, [root, id]);
  if (!tip) return null;
  return createPortal(
    <div
      id={id}
      role="tooltip"
      className="tip-layer"
      style={{ left: tip.left, top: tip.top, bottom: tip.bottom }}
    >
      {tip.text}
    </div>,
    document.body,
  );
}
