import { useQuery } from '@tanstack/react-query';
import { StageListSchema, WarehouseListSchema } from '@wharf/shared/api';
import { api, seg } from '@/lib/http';

/** Names of a project's warehouses and stages, for the forms' choices. */
export function useProjectNames(project: string | undefined) {
  const enabled = !!project;
  const warehouses = useQuery({
    queryKey: ['project', project, 'warehouse-names'],
    queryFn: ({ signal }) =>
      api(`projects/${seg(project ?? '')}/warehouses`, { signal }, (b) =>
        WarehouseListSchema.parse(b),
      ),
    enabled,
  });
  const stages = useQuery({
    queryKey: ['project', project, 'stage-names'],
    queryFn: ({ signal }) =>
      api(`projects/${seg(project ?? '')}/stages`, { signal }, (b) => StageListSchema.parse(b)),
    enabled,
  });
  return {
    warehouses: warehouses.data?.items.map((w) => w.name) ?? [],
    stages: stages.data?.items.map((s) => s.name) ?? [],
  };
}
