import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import type { ReactNode } from 'react';

/** The × that removes one item of a list in a form; `label` names the item for screen readers. */
export function RemoveButton(props: { label: string; disabled: boolean; onClick: () => void }) {
  return (
    <IconButton
      size="small"
      aria-label={props.label}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      ×
    </IconButton>
  );
}

/** Adds an item to a list in a form. */
export function AddButton(props: { disabled: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <Button
      size="small"
      disabled={props.disabled}
      sx={{ alignSelf: 'flex-start' }}
      onClick={props.onClick}
    >
      {props.children}
    </Button>
  );
}
