import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { AccessChangedSchema } from '@wharf/shared/api';
import { asksCapabilitiesOf } from '@/lib/api/capabilities';
import { refetchOnAccessChange } from './access-refetch';
import { getSocket } from './socket';

/**
 * Keeps the cockpit's batched capabilities current without polling: the BFF tells the attention
 * room's members of RBAC changes in the projects they may see (`access:changed`), and only the
 * batched queries that name the changed project are asked again.
 */
export function useCockpitAccessChanges(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = getSocket();
    const asks = refetchOnAccessChange((project: string) => {
      void queryClient.invalidateQueries({
        predicate: (q) => asksCapabilitiesOf(q.queryKey, project),
      });
    });
    const onChanged = (raw: unknown) => {
      const msg = AccessChangedSchema.safeParse(raw);
      if (msg.success) asks.changed(msg.data.project);
    };
    socket.on('access:changed', onChanged);
    return () => {
      socket.off('access:changed', onChanged);
      asks.stop();
    };
  }, [queryClient]);
}

/**
 * After each join of the attention room: changes made while outside it (before the first join,
 * while disconnected) are not pushed again, so what was asked before the join is asked again.
 */
export function reaskCockpitCapabilities(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ predicate: (q) => asksCapabilitiesOf(q.queryKey) });
}
