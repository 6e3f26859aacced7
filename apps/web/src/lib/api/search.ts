import { queryOptions } from '@tanstack/react-query';
import { SearchResultSchema } from '@wharf/shared/api';
import { api } from '@/lib/http';

/** Global search, answered by the BFF from its cache (one request per settled query). */
export const searchQuery = (q: string, project?: string) =>
  queryOptions({
    queryKey: ['search', q, project ?? ''],
    queryFn: ({ signal }) =>
      api(
        `search?q=${encodeURIComponent(q)}${project ? `&project=${encodeURIComponent(project)}` : ''}`,
        { signal },
        (b) => SearchResultSchema.parse(b),
      ),
    staleTime: 5_000,
  });
