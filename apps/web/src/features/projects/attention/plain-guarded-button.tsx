import type { ButtonHTMLAttributes } from 'react';
import { guardOf, type Decision } from '@/lib/api/capabilities';

/**
 * GuardedButton (MUI's small outlined Button in a Tooltip) in plain elements, for the rows of
 * Needs attention: the first paint draws one per row, every one disabled until the permissions
 * arrive, and MUI's Tooltip and Button cost it more script than the rest of the row. Same rule
 * (guardOf), roles and names: the wrapper is focusable and named by the reason while the action
 * is not allowed, and the list's TipLayer shows the reason (its `data-tip`) on hover and focus,
 * until Escape.
 */
export function PlainGuardedButton({
  decision,
  disabled,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { decision: Decision }) {
  const guard = guardOf(decision, disabled);
  return (
    <span
      className="attention-guard"
      tabIndex={guard.wrapperTabIndex}
      aria-label={guard.reason}
      data-tip={guard.reason}
    >
      <button type="button" className="attention-action" {...props} disabled={guard.disabled} />
    </span>
  );
}
