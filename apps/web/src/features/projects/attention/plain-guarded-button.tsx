import { useState, type ButtonHTMLAttributes } from 'react';
import type { Decision } from '@/lib/api/capabilities';

/**
 * GuardedButton (MUI's small outlined Button in a Tooltip) in plain elements, for the rows of
 * Needs attention: the first paint draws one per row, every one disabled until the permissions
 * arrive, and MUI's Tooltip and Button cost it more script than the rest of the row. Same roles
 * and names: the wrapper is focusable and named by the reason while the action is not allowed,
 * and shows it in a tooltip on hover and focus until Escape (attention-list.css).
 */
export function PlainGuardedButton({
  decision,
  disabled,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { decision: Decision }) {
  const reason = decision.allowed ? '' : decision.reason;
  const [hover, setHover] = useState(false);
  const [focus, setFocus] = useState(false);
  return (
    <span
      className="attention-guard"
      tabIndex={reason ? 0 : -1}
      aria-label={reason || undefined}
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
      onFocus={() => setFocus(true)}
      onBlur={() => setFocus(false)}
      // Dismissible without moving focus or the pointer, as MUI's Tooltip is (WCAG 1.4.13).
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !(hover || focus)) return;
        setHover(false);
        setFocus(false);
      }}
    >
      <button
        type="button"
        className="attention-action"
        {...props}
        disabled={!decision.allowed || disabled}
      />
      {reason && (hover || focus) && (
        <span role="tooltip" className="attention-tooltip">
          {reason}
        </span>
      )}
    </span>
  );
}
