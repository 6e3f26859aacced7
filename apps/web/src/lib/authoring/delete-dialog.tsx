import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery } from '@tanstack/react-query';
import { AUTHORING_KINDS } from '@wharf/shared/authoring';
import { deleteObject, impactQuery, type ObjectRef } from './authoring-api';

/**
 * Asks before deleting, saying what depends on the object (downstream stages, freight in use,
 * running promotions) and what Kargo will do; deletes as the user once confirmed.
 */
export function DeleteDialog({
  target,
  onClose,
  onDeleted,
}: {
  target: ObjectRef & { name: string };
  onClose: () => void;
  onDeleted: () => void;
}) {
  const impact = useQuery(impactQuery(target));
  const del = useMutation({
    mutationFn: () => deleteObject(target),
    onSuccess: onDeleted,
    meta: { quiet: true },
  });
  const kind = AUTHORING_KINDS[target.resource].kind;
  const data = impact.data;
  return (
    <Dialog open onClose={onClose} aria-labelledby="delete-title" maxWidth="sm" fullWidth>
      <DialogTitle id="delete-title">
        Delete {kind} {target.name}?
      </DialogTitle>
      <DialogContent>
        {impact.isPending && <LinearProgress aria-label="Finding what depends on it" />}
        {impact.isError && <Alert severity="error">{impact.error.message}</Alert>}
        {data && (
          <>
            {data.blocking.map((b) => (
              <Alert key={b} severity="warning" sx={{ mb: 1 }}>
                {b}
              </Alert>
            ))}
            <Typography variant="subtitle2" component="h3">
              {data.dependents.length ? 'What depends on it' : 'Nothing depends on it.'}
            </Typography>
            {data.dependents.length > 0 && (
              <List dense aria-label="What depends on it">
                {data.dependents.map((d) => (
                  <ListItem key={`${d.kind}/${d.name}`}>
                    <ListItemText primary={`${d.kind} ${d.name}`} secondary={d.why} />
                  </ListItem>
                ))}
              </List>
            )}
            <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
              What happens
            </Typography>
            <List dense aria-label="What happens">
              {data.effects.map((e) => (
                <ListItem key={e}>
                  <ListItemText primary={e} />
                </ListItem>
              ))}
            </List>
          </>
        )}
        {del.isError && <Alert severity="error">{del.error.message}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button
          color="error"
          variant="contained"
          disabled={!data || del.isPending}
          onClick={() => del.mutate()}
        >
          Delete {kind.toLowerCase()}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
