import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { HttpError } from '@/lib/http';
import { pushToast } from '@/lib/toasts';

/** `meta: { quiet: true }` on a query or mutation means the view shows its own error. */
interface Meta {
  quiet?: boolean;
}

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err));
const isQuiet = (meta: Record<string, unknown> | undefined) => (meta as Meta | undefined)?.quiet;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (err, query) => {
        if (isQuiet(query.meta)) return;
        if (err instanceof HttpError && err.status === 401) return; // the login redirect says it
        pushToast(describe(err));
      },
    }),
    mutationCache: new MutationCache({
      onError: (err, _vars, _ctx, mutation) => {
        if (isQuiet(mutation.meta)) return;
        pushToast(describe(err));
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, err) => !(err instanceof HttpError && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}
