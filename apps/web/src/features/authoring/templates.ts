import { apiVersionOf, AUTHORING_KINDS, type AuthoringResource } from '@wharf/shared/authoring';
import type { Json } from '@/lib/authoring/object-edit';

/** A new object of a kind, ready for its form (Kargo's required fields present). */
export function newObject(
  resource: AuthoringResource,
  project: string | undefined,
  extra: { warehouse?: string } = {},
): Json {
  const k = AUTHORING_KINDS[resource];
  const metadata = {
    name:
      resource === 'projectconfigs'
        ? (project ?? '')
        : resource === 'clusterconfigs'
          ? 'cluster'
          : '',
    ...(k.namespaced && project ? { namespace: project } : {}),
  };
  const head = { apiVersion: apiVersionOf(resource), kind: k.kind, metadata };
  switch (resource) {
    case 'stages':
      return {
        ...head,
        spec: {
          requestedFreight: [
            {
              origin: { kind: 'Warehouse', name: extra.warehouse ?? '' },
              sources: { direct: true },
            },
          ],
          promotionTemplate: { spec: { steps: [] } },
        },
      };
    case 'warehouses':
      return { ...head, spec: { subscriptions: [{ git: { repoURL: '', branch: 'main' } }] } };
    case 'projectconfigs':
      return { ...head, spec: { promotionPolicies: [] } };
    case 'promotiontasks':
    case 'clusterpromotiontasks':
      return { ...head, spec: { vars: [], steps: [] } };
    case 'configmaps':
      return { ...head, data: {} };
    default:
      return { ...head, ...(resource === 'projects' ? {} : { spec: {} }) };
  }
}
