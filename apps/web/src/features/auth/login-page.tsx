import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { login, authConfigQuery, oidcLoginUrl } from '@/lib/api/auth';
import { getSocket } from '@/lib/live/socket';
import { safeNext } from '@/lib/safe-next';

export function LoginPage() {
  const [params, setParams] = useSearchParams();
  const next = safeNext(params.get('next'));
  const method = params.get('method') === 'token' ? 'token' : 'password';
  const options = useQuery(authConfigQuery());
  const [secret, setSecret] = useState('');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => login(method === 'token' ? { token: secret } : { password: secret }),
    meta: { quiet: true },
    onSuccess: () => {
      // The socket may have been refused before the session existed: start it again with the cookie.
      const socket = getSocket();
      socket.disconnect().connect();
      queryClient.clear();
      void navigate(next, { replace: true });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <Stack
      component="main"
      sx={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center', p: 2 }}
    >
      <Paper
        component="section"
        sx={{ p: 4, width: 400, maxWidth: '100%' }}
        aria-labelledby="login-title"
      >
        <Typography id="login-title" variant="h5" component="h1" gutterBottom>
          Sign in to Wharf
        </Typography>
        {options.data?.oidc && (
          <>
            <Button
              fullWidth
              variant="contained"
              href={oidcLoginUrl(options.data.oidc.loginUrl, next)}
            >
              Sign in with SSO
            </Button>
            <Divider sx={{ my: 2 }}>or</Divider>
          </>
        )}
        <Tabs
          value={method}
          onChange={(_e, v: string) =>
            setParams({ ...Object.fromEntries(params), method: v }, { replace: true })
          }
          aria-label="Sign-in method"
          sx={{ mb: 2 }}
        >
          <Tab value="password" label="Admin password" />
          <Tab value="token" label="Kubernetes token" />
        </Tabs>
        <Stack component="form" spacing={2} onSubmit={submit}>
          <TextField
            label={method === 'token' ? 'Bearer token' : 'Admin password'}
            type="password"
            autoComplete={method === 'token' ? 'off' : 'current-password'}
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            required
            autoFocus
            helperText={
              method === 'token'
                ? 'For example the output of kubectl create token <service-account>'
                : undefined
            }
          />
          {mutation.isError && (
            <Alert severity="error" role="alert">
              {mutation.error.message}
            </Alert>
          )}
          <Button type="submit" variant="contained" disabled={mutation.isPending || secret === ''}>
            Sign in
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
