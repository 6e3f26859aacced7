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
        () => {
          // From the address bar, not the router's `prev`: that is the query of the render this
          // setter came from, so a handler of an older render (a shortcut pressed while an
          // earlier change is still rendering) would put back what was just removed.
          const next = new URLSearchParams(window.location.search);
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
