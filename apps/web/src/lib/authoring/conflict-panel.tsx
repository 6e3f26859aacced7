import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { merge3, withoutBookkeeping } from '@wharf/shared';
import type { KubeObject } from '@wharf/shared/authoring';
import { diffLines } from 'diff';
import { useMemo } from 'react';
import { stringify } from 'yaml';
import type { Json } from './object-edit';

/**
 * Someone else changed the object after it was opened. Shows their version against the user's
 * (status and bookkeeping left out), and offers to re-apply the user's edits onto theirs.
 */
export function ConflictPanel(props: {
  message: string;
  base: KubeObject;
  mine: Json;
  current: KubeObject;
  onRebase: (merged: Json) => void;
  onDiscard: () => void;
}) {
  const { base, mine, current } = props;
  const parts = useMemo(
    () => diffLines(stringify(withoutBookkeeping(current)), stringify(withoutBookkeeping(mine))),
    [current, mine],
  );
  const merge = useMemo(() => merge3(base, mine, current), [base, mine, current]);
  return (
    <Alert severity="warning" role="alert" sx={{ '& .MuiAlert-message': { width: '100%' } }}>
      <strong>Not saved: someone changed this object since you opened it.</strong> {props.message}
      <Box
        component="pre"
        aria-label="Their version against yours"
        sx={{ fontSize: 12, maxHeight: 320, overflow: 'auto', bgcolor: 'background.paper', p: 1 }}
      >
        {parts.map((p, i) => (
          <Box
            component="span"
            key={i}
            sx={{
              display: 'block',
              bgcolor: p.added ? 'success.light' : p.removed ? 'error.light' : undefined,
              color: p.added || p.removed ? 'common.black' : undefined,
            }}
          >
            {p.value
              .replace(/\n$/, '')
              .split('\n')
              .map((l) => `${p.added ? '+ ' : p.removed ? '- ' : '  '}${l}`)
              .join('\n')}
          </Box>
        ))}
      </Box>
      <Box sx={{ fontSize: 12, mb: 1 }}>− theirs (now stored) · + yours</Box>
      {merge.conflicts.length > 0 && (
        <Box sx={{ mb: 1 }}>
          You both changed:{' '}
          {merge.conflicts.map((c) => (
            <code key={c}>{c} </code>
          ))}
        </Box>
      )}
      <Stack direction="row" sx={{ gap: 1 }}>
        <Button
          size="small"
          variant="outlined"
          disabled={merge.conflicts.length > 0}
          onClick={() => merge.merged !== undefined && props.onRebase(merge.merged as Json)}
        >
          Apply my changes onto theirs
        </Button>
        <Button size="small" onClick={props.onDiscard}>
          Discard mine, load theirs
        </Button>
      </Stack>
    </Alert>
  );
}
