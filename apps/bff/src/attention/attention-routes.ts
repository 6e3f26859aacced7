import { AttentionQuerySchema, AttentionSnapshotSchema } from '@wharf/shared/api';
import { route, type RouteSpec } from '../routes/api-route.js';
import type { AttentionIndex } from './attention-index.js';
import { attentionSnapshot } from './attention-snapshot.js';
import { attentionVisibility } from './attention-visibility.js';

export function attentionRoutes(index: AttentionIndex): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/attention',
      tag: 'cockpit',
      summary:
        'What needs attention in every project the caller may see, each with the action that helps, and recent Kargo events',
      query: AttentionQuerySchema,
      response: AttentionSnapshotSchema,
      handler: async ({ caller, query }) =>
        attentionSnapshot(index, await attentionVisibility(caller, index.projects()), {
          projects: query.project,
          kinds: query.kind,
          activity: query.activity,
        }),
    }),
  ];
}
