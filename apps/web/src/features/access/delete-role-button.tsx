import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Tooltip from '@mui/material/Tooltip';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Decision } from '@/lib/api/capabilities';
import { accessPath } from './access-paths';
import { deleteRole, rolesKey } from './roles-api';

export function DeleteRoleButton(props: { project: string; role: string; decision: Decision }) {
  const { project, role, decision } = props;
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const del = useMutation({
    mutationFn: () => deleteRole(project, role),
    meta: { quiet: true },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: rolesKey(project) });
      void navigate(accessPath(project));
    },
  });
  return (
    <>
      <Tooltip title={decision.allowed ? '' : decision.reason}>
        <span>
          <Button color="error" disabled={!decision.allowed} onClick={() => setOpen(true)}>
            Delete role
          </Button>
        </span>
      </Tooltip>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="delete-role-title">
        <DialogTitle id="delete-role-title">Delete role {role}?</DialogTitle>
        <DialogContent>
          Deletes its ServiceAccount, Role and RoleBinding, and the API tokens of the role.
          {del.isError && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {del.error.message}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            color="error"
            variant="contained"
            onClick={() => del.mutate()}
            disabled={del.isPending}
          >
            Delete
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
