import { useQuery } from '@tanstack/react-query';
import type { KargoRole } from '@wharf/shared/api';
import { capabilitiesQuery, projectDecision, type Decision } from '@/lib/api/capabilities';

/** Whether the user may change roles here (Kubernetes' answer, with its reason when not). */
export function useManageDecision(project: string): Decision {
  const caps = useQuery(capabilitiesQuery(project));
  if (caps.isError)
    return { allowed: false, reason: `Could not check your permissions: ${caps.error.message}` };
  return projectDecision(caps.data, 'manageRoles');
}

/** The project-wide decision, narrowed for a role Wharf will not edit (made by hand). */
export function roleDecision(manage: Decision, role: KargoRole | undefined): Decision {
  if (!manage.allowed) return manage;
  if (role?.readOnlyReason) return { allowed: false, reason: role.readOnlyReason };
  return manage;
}
