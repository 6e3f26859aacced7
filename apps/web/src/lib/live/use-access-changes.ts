import { useQueryClient, type Query } from '@tanstack/react-query';
import { useEffect } from 'react';
import { AccessChangedSchema } from '@wharf/shared/api';
import { capabilitiesQuery } from '@/lib/api/capabilities';
import { refetchOnAccessChange } from './access-refetch';
import { accessChanges, askedBefore, joinAccessRoom, leaveAccessRoom } from './access-room';
import { getSocket } from './socket';

/** What depends on RBAC in a project: its capabilities and its role screens. */
const ACCESS_QUERIES = new Set(['capabilities', 'roles']);

/**
 * Keeps a project's capabilities and role data current without polling: the BFF pushes
 * `access:changed` when the project's ServiceAccounts, Roles or RoleBindings change, and the
 * queries that depend on them are asked again.
 */
export function useAccessChanges(project: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!project) return;
    const socket = getSocket();
    const refetch = () =>
      void queryClient.invalidateQueries({
        predicate: (q: Query) =>
          q.queryKey[0] === 'project' &&
          q.queryKey[1] === project &&
          ACCESS_QUERIES.has(String(q.queryKey[2])),
      });
    const asks = refetchOnAccessChange(refetch);
    const onChanged = (raw: unknown) => {
      if (AccessChangedSchema.safeParse(raw).success) asks.changed();
    };
    // (Re)joined on every connect: a new connection, maybe on another replica, starts in no room.
    // What was asked before the join (a change while disconnected, or since an earlier visit)
    // is asked again; capabilities the route asked for after the same join are not.
    const join = () => {
      const room = joinAccessRoom(project);
      room.then(
        () => {
          const caps = queryClient.getQueryState(capabilitiesQuery(project).queryKey);
          const asked =
            caps !== undefined && (caps.data !== undefined || caps.fetchStatus !== 'idle');
          if (askedBefore(project, room, asked)) refetch();
        },
        () => undefined,
      );
    };
    // Changes pushed since the route loader's join come first: the room does not send them again.
    const unlisten = accessChanges.listen(project, onChanged, refetch);
    socket.on('connect', join);
    join();
    return () => {
      unlisten();
      socket.off('connect', join);
      asks.stop();
      leaveAccessRoom(project);
    };
  }, [project, queryClient]);
}
