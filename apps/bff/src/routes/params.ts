import { z } from 'zod';

const name = (what: string) =>
  z
    .string()
    .min(1)
    .max(253)
    .regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/, `${what} must be a lower-case Kubernetes name`);

export const ProjectParams = z.object({ project: name('project') });
export const StageParams = ProjectParams.extend({ stage: name('stage') });
export const WarehouseParams = ProjectParams.extend({ warehouse: name('warehouse') });
export const FreightParams = ProjectParams.extend({ freight: name('freight') });
export const PromotionParams = ProjectParams.extend({ promotion: name('promotion') });
