import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { AuthMeSchema } from '@wharf/shared/api';
import { api, HttpError } from '@/lib/http';
import { renewSocketSession } from '@/lib/live/socket';
import { meQuery } from './auth';

/** setTimeout's longest delay; a later refreshAt is re-armed when this one fires. */
const MAX_DELAY_MS = 2 ** 31 - 1;
/** After a failed refresh that was not a 401 (offline, say), try again this soon. */
const RETRY_MS = 15_000;

/**
 * Keeps an SSO user signed in past their ID token's lifetime: at `refreshAt` (a minute before
 * it expires, halfway for a shorter token) the BFF refreshes with the provider and seals a new
 * session, which the socket then takes too. When the provider
 * refuses, the BFF answers 401 and the shell sends the user to sign in, back to this page after.
 */
export function useSilentRefresh() {
  const queryClient = useQueryClient();
  const me = useQuery(meQuery());
  const refreshAt = me.data?.refreshAt;
  useEffect(() => {
    if (!refreshAt) return;
    let timer: ReturnType<typeof setTimeout>;
    const arm = (ms: number) => {
      timer = setTimeout(() => void refresh(), Math.min(Math.max(ms, 0), MAX_DELAY_MS));
    };
    const refresh = async () => {
      if (Date.parse(refreshAt) > Date.now()) return arm(Date.parse(refreshAt) - Date.now());
      try {
        const next = await api('auth/refresh', { method: 'POST' }, (b) => AuthMeSchema.parse(b));
        queryClient.setQueryData(meQuery().queryKey, next);
        renewSocketSession();
      } catch (err) {
        // A 401 already sent the shell to the sign-in page; anything else is tried again.
        if (!(err instanceof HttpError && err.status === 401)) arm(RETRY_MS);
      }
    };
    arm(Date.parse(refreshAt) - Date.now());
    return () => clearTimeout(timer);
  }, [refreshAt, queryClient]);
}
