import type { Freight } from '../kargo/freight.js';
import { isTerminalPromotionPhase, type Promotion } from '../kargo/promotion.js';
import type { Stage } from '../kargo/stage.js';
import type { PromotionStep } from '../kargo/steps.js';
import type { Warehouse } from '../kargo/warehouse.js';
import { downstreamStages } from './graph-traversal.js';
import { currentFreightNames } from './stage-freight.js';

/** The objects of one project that deleting something there can affect. */
export interface ProjectObjects {
  stages: readonly Stage[];
  warehouses: readonly Warehouse[];
  freight: readonly Freight[];
  promotions: readonly Promotion[];
}

export interface Dependent {
  kind: string;
  name: string;
  why: string;
}

/** What depends on an object, what deleting it does, and what makes deleting it now unwise. */
export interface Impact {
  dependents: Dependent[];
  effects: string[];
  blocking: string[];
}

const running = (p: Promotion) => !isTerminalPromotionPhase(p.status?.phase);
const label = (f: Freight) => f.alias ?? f.metadata.name.slice(0, 7);

export function stageDeleteImpact(name: string, o: ProjectObjects): Impact {
  const downstream = downstreamStages(o.stages, name).map((s) => ({
    kind: 'Stage',
    name: s.metadata.name,
    why: `takes freight verified in ${name}; it will get no new freight from it`,
  }));
  const stage = o.stages.find((s) => s.metadata.name === name);
  const held = new Set(stage ? currentFreightNames(stage) : []);
  const freight = o.freight
    .filter((f) => held.has(f.metadata.name))
    .map((f) => ({ kind: 'Freight', name: label(f), why: `is in use by ${name}` }));
  const promos = o.promotions.filter((p) => p.spec.stage === name);
  const active = promos.filter(running).map((p) => ({
    kind: 'Promotion',
    name: p.metadata.name,
    why: `is ${p.status?.phase ?? 'Pending'}; it is deleted with the stage`,
  }));
  return {
    dependents: [...downstream, ...freight, ...active],
    effects: [
      `Kargo removes ${name} from the verification and approval records of every freight.`,
      `The stage's ${promos.length} promotion(s) are deleted with it (they are owned by the stage).`,
      'Freight and commits already pushed stay where they are.',
    ],
    blocking: active.length ? [`${active.length} promotion(s) to ${name} have not finished.`] : [],
  };
}

export function warehouseDeleteImpact(name: string, o: ProjectObjects): Impact {
  const stages = o.stages
    .filter((s) => s.spec.requestedFreight.some((r) => r.origin.name === name))
    .map((s) => ({
      kind: 'Stage',
      name: s.metadata.name,
      why: `requests freight from ${name}; it will report an unknown warehouse`,
    }));
  const freight = o.freight.filter((f) => f.origin.name === name);
  const inUse = freight.filter((f) => Object.keys(f.status?.currentlyIn ?? {}).length > 0);
  return {
    dependents: [
      ...stages,
      ...inUse.map((f) => ({
        kind: 'Freight',
        name: label(f),
        why: `came from ${name} and is in use by ${Object.keys(f.status?.currentlyIn ?? {}).join(', ')}`,
      })),
    ],
    effects: [
      `Kargo stops discovering artifacts for ${name}; no new freight comes from it.`,
      `Its ${freight.length} freight stay until deleted; stages keep what they run.`,
    ],
    blocking: [],
  };
}

export function projectDeleteImpact(
  name: string,
  o: ProjectObjects,
  keepNamespace: boolean,
): Impact {
  const active = o.promotions.filter(running);
  return {
    dependents: [
      ...o.warehouses.map((w) => ({ kind: 'Warehouse', name: w.metadata.name, why: 'is deleted' })),
      ...o.stages.map((s) => ({ kind: 'Stage', name: s.metadata.name, why: 'is deleted' })),
    ],
    effects: keepNamespace
      ? [
          `Kargo keeps namespace ${name} (annotation kargo.akuity.io/keep-namespace) and what is in it.`,
        ]
      : [
          `Kargo deletes namespace ${name} and everything in it: ${o.stages.length} stage(s), ${o.warehouses.length} warehouse(s), ${o.freight.length} freight, credentials and roles.`,
        ],
    blocking: active.length ? [`${active.length} promotion(s) in ${name} have not finished.`] : [],
  };
}

const usesTask = (steps: readonly PromotionStep[] | undefined, name: string, kind: string) =>
  (steps ?? []).some((s) => s.task?.name === name && (s.task.kind ?? 'PromotionTask') === kind);

/** Stages whose promotion template calls the task; their next promotions would fail. */
export function promotionTaskDeleteImpact(
  name: string,
  kind: 'PromotionTask' | 'ClusterPromotionTask',
  stages: readonly Stage[],
): Impact {
  return {
    dependents: stages
      .filter((s) => usesTask(s.spec.promotionTemplate?.spec.steps, name, kind))
      .map((s) => ({
        kind: 'Stage',
        name: s.metadata.namespace ? `${s.metadata.namespace}/${s.metadata.name}` : s.metadata.name,
        why: `runs ${kind} ${name}; its next promotion will fail`,
      })),
    effects: ['Promotions already running keep the steps they were created with.'],
    blocking: [],
  };
}
