import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { logout, meQuery } from '@/lib/api/auth';
import { pushToast } from '@/lib/toasts';

export function UserMenu() {
  const me = useQuery(meQuery());
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  if (!me.data) return null;
  const signOut = async () => {
    setAnchor(null);
    // Signed out here either way; say so when the server could not record it for other copies.
    const result = await logout().catch((err: unknown) => {
      pushToast(err instanceof Error ? err.message : String(err));
      return { redirectTo: '' };
    });
    queryClient.clear();
    if (result.redirectTo && !result.redirectTo.startsWith('/'))
      window.location.assign(result.redirectTo);
    else void navigate('/login');
  };
  return (
    <>
      <Button
        color="inherit"
        aria-label={`Account: ${me.data.username}`}
        aria-haspopup="menu"
        onClick={(e) => setAnchor(e.currentTarget)}
        sx={{ textTransform: 'none' }}
      >
        {me.data.username}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => void signOut()}>Sign out</MenuItem>
      </Menu>
    </>
  );
}
