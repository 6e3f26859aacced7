import type { ReactElement } from 'react';
import type { Decision } from '@/lib/api/capabilities';

/**
 * A graph node's action button, or, when refused, the button inside a wrapper that takes the
 * focus a disabled button cannot, so keyboard users read why (the graph's tooltip, `data-tip`).
 */
export function guarded(decision: Decision, button: ReactElement): ReactElement {
  if (decision.allowed) return button;
  return (
    <span
      className="graph-button-wrap nodrag"
      tabIndex={0}
      data-tip={decision.reason}
      aria-label={decision.reason}
    >
      {button}
    </span>
  );
}
