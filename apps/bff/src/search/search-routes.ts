import { searchTerms } from '@wharf/shared';
import { SearchQuerySchema, SearchResultSchema, type SearchResult } from '@wharf/shared/api';
import {
  attentionVisibility,
  mayRead,
  visibleProjectNames,
} from '../attention/attention-visibility.js';
import type { ClusterCache } from '../cache/cluster-cache.js';
import { route, type RouteSpec } from '../routes/api-route.js';
import type { RoomKind } from '../live/room-view.js';
import type { SearchIndex } from './search-index.js';

const KIND_OF = {
  stages: 'stages',
  warehouses: 'warehouses',
  freight: 'freight',
  promotions: 'promotions',
} as const satisfies Record<string, RoomKind>;

export function searchRoutes(index: SearchIndex, cache: ClusterCache): RouteSpec[] {
  return [
    route({
      method: 'get',
      path: '/search',
      tag: 'cockpit',
      summary:
        'Projects by name, stages, warehouses, freight (name, alias, image tag, chart version, commit SHA prefix or message) and promotions of every project the caller may see, grouped by kind',
      query: SearchQuerySchema,
      response: SearchResultSchema,
      handler: async ({ caller, query }): Promise<SearchResult> => {
        const all = cache
          .get('projects')
          .list()
          .map((p) => p.metadata.name)
          .filter((p) => !query.project || p === query.project)
          .sort();
        // Kubernetes decides what the caller may see, as for the projects list and its rooms.
        const v = await attentionVisibility(caller, all);
        const projects = visibleProjectNames(v, all);
        const where = (kind: keyof typeof KIND_OF) =>
          projects.filter((p) => mayRead(v, p, KIND_OF[kind]));
        const terms = searchTerms(query.q);
        const found = index.projectHits(projects, terms, query.limit);
        const stages = index.named('stages', where('stages'), terms, query.limit);
        const warehouses = index.named('warehouses', where('warehouses'), terms, query.limit);
        const promotions = index.named('promotions', where('promotions'), terms, query.limit);
        const freight = index.freightHits(where('freight'), terms, query.limit);
        const errors = (
          ['projects', 'stages', 'warehouses', 'freight', 'promotions'] as const
        ).flatMap((kind) =>
          cache.get(kind).state === 'synced'
            ? []
            : [
                {
                  kind,
                  message: `${kind} are not live from Kubernetes now; results may be old.`,
                },
              ],
        );
        return {
          q: query.q,
          groups: {
            projects: found.hits,
            stages: stages.hits,
            warehouses: warehouses.hits,
            freight: freight.hits,
            promotions: promotions.hits,
          },
          totals: {
            projects: found.total,
            stages: stages.total,
            warehouses: warehouses.total,
            freight: freight.total,
            promotions: promotions.total,
          },
          projects: projects.length,
          errors,
        };
      },
    }),
  ];
}
