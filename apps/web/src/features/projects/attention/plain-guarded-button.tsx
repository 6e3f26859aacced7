import type { ButtonHTMLAttributes } from 'react';
import type { Decision } from '@/lib/api/capabilities';

/**
 * GuardedButton (MUI's small outlined Button in a Tooltip) in plain elements, for the rows of
 * Needs attention: the first paint draws one per row, every one disabled until the permissions
 * arrive, and MUI's Tooltip and Button cost it more script than the rest of the row. Same roles
 * and names: the wrapper is focusable and named by the reason while the action is not allowed,
 * and the list's TipLayer shows the reason (its `data-tip`) on hover and focus, until Escape.
 */
export function PlainGuardedButton({
  decision,
  disabled,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { decision: Decision }) {
  const reason = decision.allowed ? undefined : decision.reason;
  return (
    <span
      className="attention-guard"
      tabIndex={reason ? 0 : -1}
      aria-label={reason}
      data-tip={reason}
    >
      <button
        type="button"
        className="attention-action"
        {...props}
        disabled={!decision.allowed || disabled}
      />
    </span>
  );
}
