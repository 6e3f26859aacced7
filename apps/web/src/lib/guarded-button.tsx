import Button, { type ButtonProps } from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import { guardOf, type Decision } from '@/lib/api/capabilities';

/** A button that is disabled, with the reason on hover and focus of its wrapper, when the user may not act. */
export function GuardedButton({ decision, ...props }: ButtonProps & { decision: Decision }) {
  const guard = guardOf(decision, props.disabled);
  return (
    <Tooltip title={guard.reason ?? ''}>
      <span tabIndex={guard.wrapperTabIndex}>
        <Button size="small" variant="outlined" {...props} disabled={guard.disabled} />
      </span>
    </Tooltip>
  );
}
