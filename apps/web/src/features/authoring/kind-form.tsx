import type { AuthoringResource } from '@wharf/shared/authoring';
import type { ReactNode } from 'react';
import type { Json } from '@/lib/authoring/object-edit';
import { ProjectConfigForm } from '@/lib/authoring/forms/project-config-form';
import { StageForm } from '@/lib/authoring/forms/stage-form';
import { WarehouseForm } from '@/lib/authoring/forms/warehouse-form';

export type KindForm = (value: Json, onChange: (v: Json) => void, disabled: boolean) => ReactNode;

/** The form Wharf has for a kind; the others are edited as YAML. */
export function formFor(
  resource: AuthoringResource,
  creating: boolean,
  names: { warehouses: string[]; stages: string[] },
): KindForm | undefined {
  switch (resource) {
    case 'stages':
      return (v, on, disabled) => (
        <StageForm stage={v} onChange={on} disabled={disabled} creating={creating} {...names} />
      );
    case 'warehouses':
      return (v, on, disabled) => (
        <WarehouseForm warehouse={v} onChange={on} disabled={disabled} creating={creating} />
      );
    case 'projectconfigs':
      return (v, on, disabled) => (
        <ProjectConfigForm config={v} onChange={on} disabled={disabled} stages={names.stages} />
      );
    default:
      return undefined;
  }
}
