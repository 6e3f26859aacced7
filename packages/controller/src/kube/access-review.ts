import { KARGO_GROUP } from '@wharf/shared';
import type { AdmissionUser } from '../admission/hook-types.js';
import type { KubeClients } from './clients.js';

export interface ResourceCheck {
  verb: string;
  resource: string;
  namespace?: string;
  name?: string;
  group?: string;
  subresource?: string;
}

/** Asks Kubernetes (SubjectAccessReview) whether a user may do something; Kubernetes decides. */
export async function userMay(
  clients: KubeClients,
  user: AdmissionUser,
  check: ResourceCheck,
): Promise<boolean> {
  const review = await clients.authz.createSubjectAccessReview({
    body: {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: {
        user: user.username,
        groups: user.groups,
        ...(user.uid ? { uid: user.uid } : {}),
        ...(user.extra ? { extra: user.extra } : {}),
        resourceAttributes: { group: KARGO_GROUP, ...check },
      },
    },
  });
  return review.status?.allowed === true;
}
