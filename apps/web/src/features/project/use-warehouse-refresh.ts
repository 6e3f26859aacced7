import { useMutation } from '@tanstack/react-query';
import type { WarehouseView } from '@wharf/shared/api';
import { refreshWarehouse } from '@/lib/api/actions';
import { projectDecision } from '@/lib/api/capabilities';
import { useDecision } from './capabilities-store';
import { useProject } from './project-context';

/** Pending from the click until the controller reports the refresh handled (status.lastHandledRefresh). */
export function useWarehouseRefresh(warehouse: WarehouseView) {
  const { project } = useProject();
  const decision = useDecision((caps) => projectDecision(caps, 'refreshWarehouse'));
  const mutation = useMutation({ mutationFn: () => refreshWarehouse(project, warehouse.name) });
  const pending = mutation.isPending || warehouse.refresh.pending;
  return { decision, pending, refresh: () => mutation.mutate() };
}
