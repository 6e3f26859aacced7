import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** Reads and writes view state in the URL query, so every view is linkable and survives reload. */
export function useSearchParam(
  name: string,
): [string, (value: string | null, push?: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const set = useCallback(
    (value: string | null, push = false) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: !push },
      ),
    [name, setParams],
  );
  return [params.get(name) ?? '', set];
}
