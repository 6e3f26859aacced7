import Button, { type ButtonProps } from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import type { Decision } from '@/lib/api/capabilities';

/** A button that is disabled, with the reason on hover and focus of its wrapper, when the user may not act. */
export function GuardedButton({ decision, ...props }: ButtonProps & { decision: Decision }) {
  const reason = decision.allowed ? '' : decision.reason;
  return (
    <Tooltip title={reason}>
      <span tabIndex={reason ? 0 : -1}>
        <Button
          size="small"
          variant="outlined"
          {...props}
          disabled={!decision.allowed || props.disabled}
        />
      </span>
    </Tooltip>
  );
}
