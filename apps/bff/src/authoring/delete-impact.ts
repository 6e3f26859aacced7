import {
  ANNOTATIONS,
  projectDeleteImpact,
  promotionTaskDeleteImpact,
  stageDeleteImpact,
  warehouseDeleteImpact,
  type Impact,
  type ProjectObjects,
} from '@wharf/shared';
import type { AuthoringResource, DeleteImpact } from '@wharf/shared/authoring';
import type { ReadModels } from '../read/read-models.js';

const NONE: Impact = { dependents: [], effects: [], blocking: [] };

/** What deleting an object affects, from the shared cache (Kargo's rules are in @wharf/shared). */
export function deleteImpact(
  models: ReadModels,
  cache: { allStages(): ProjectObjects['stages'] },
  resource: AuthoringResource,
  name: string,
  namespace?: string,
): DeleteImpact {
  const r = namespace ? models.reader(namespace) : undefined;
  const objects = (): ProjectObjects => ({
    stages: r?.list('stages') ?? [],
    warehouses: r?.list('warehouses') ?? [],
    freight: r?.list('freight') ?? [],
    promotions: r?.list('promotions') ?? [],
  });
  let impact: Impact;
  switch (resource) {
    case 'stages':
      impact = stageDeleteImpact(name, objects());
      break;
    case 'warehouses':
      impact = warehouseDeleteImpact(name, objects());
      break;
    case 'projects': {
      const p = models.reader(name);
      impact = projectDeleteImpact(
        name,
        {
          stages: p.list('stages'),
          warehouses: p.list('warehouses'),
          freight: p.list('freight'),
          promotions: p.list('promotions'),
        },
        p.projectObject()?.metadata.annotations?.[ANNOTATIONS.keepNamespace] === 'true',
      );
      break;
    }
    case 'promotiontasks':
      impact = promotionTaskDeleteImpact(name, 'PromotionTask', objects().stages);
      break;
    case 'clusterpromotiontasks':
      impact = promotionTaskDeleteImpact(name, 'ClusterPromotionTask', cache.allStages());
      break;
    case 'projectconfigs':
      impact = {
        ...NONE,
        effects: [
          'Promotion policies end: no stage of the project auto-promotes any more.',
          'Its webhook receivers stop answering.',
        ],
      };
      break;
    default:
      impact = {
        ...NONE,
        effects: ['Kubernetes deletes the object; nothing in Kargo refers to it by kind.'],
      };
  }
  return { resource, name, ...impact };
}
