import type {
  V1CustomResourceColumnDefinition,
  V1CustomResourceDefinition,
} from '@kubernetes/client-node';
import { KARGO_GROUP, KARGO_PLURALS, KARGO_VERSION, type KargoKind } from '../kargo/constants.js';
import {
  ageColumn,
  openArray,
  openObject,
  origin,
  readyColumns,
  rootSchema,
  str,
  type Schema,
} from './schema-parts.js';

interface KindDef {
  kind: KargoKind;
  scope: 'Namespaced' | 'Cluster';
  shortNames?: string[];
  schema: Schema;
  columns: V1CustomResourceColumnDefinition[];
}

const specStatus = (spec: Schema = openObject) => rootSchema({ spec, status: openObject });

const KINDS: KindDef[] = [
  {
    kind: 'Project',
    scope: 'Cluster',
    schema: specStatus(),
    columns: [...readyColumns, ageColumn],
  },
  {
    kind: 'ProjectConfig',
    scope: 'Namespaced',
    schema: specStatus(),
    columns: [...readyColumns, ageColumn],
  },
  {
    kind: 'ClusterConfig',
    scope: 'Cluster',
    shortNames: ['clusterconfig', 'clusterconfigs'],
    schema: specStatus(),
    columns: [...readyColumns, ageColumn],
  },
  {
    kind: 'Warehouse',
    scope: 'Namespaced',
    schema: specStatus({
      type: 'object',
      required: ['subscriptions'],
      x_kubernetes_preserve_unknown_fields: true,
      properties: {
        interval: { type: 'string', _default: '5m0s' },
        freightCreationPolicy: {
          type: 'string',
          _enum: ['Automatic', 'Manual'],
          _default: 'Automatic',
        },
        subscriptions: { ...openArray, minItems: 1 },
      },
    }),
    columns: [...readyColumns, ageColumn],
  },
  {
    kind: 'Freight',
    scope: 'Namespaced',
    schema: rootSchema(
      {
        alias: str,
        discoveredAt: { type: 'string', format: 'date-time' },
        origin,
        commits: openArray,
        images: openArray,
        charts: openArray,
        artifacts: openArray,
        status: openObject,
      },
      ['origin'],
    ),
    columns: [
      { name: 'Alias', type: 'string', jsonPath: '.metadata.labels.kargo\\.akuity\\.io/alias' },
      { name: 'Origin (Kind)', type: 'string', jsonPath: '.origin.kind' },
      { name: 'Origin (Name)', type: 'string', jsonPath: '.origin.name' },
      ageColumn,
    ],
  },
  {
    kind: 'Stage',
    scope: 'Namespaced',
    schema: specStatus({
      type: 'object',
      required: ['requestedFreight'],
      x_kubernetes_preserve_unknown_fields: true,
      properties: { requestedFreight: { ...openArray, minItems: 1 } },
    }),
    columns: [
      { name: 'Current Freight', type: 'string', jsonPath: '.status.freightSummary' },
      ...readyColumns,
      ageColumn,
    ],
  },
  {
    kind: 'Promotion',
    scope: 'Namespaced',
    shortNames: ['promo', 'promos'],
    schema: specStatus({
      type: 'object',
      required: ['stage'],
      x_kubernetes_preserve_unknown_fields: true,
      properties: { stage: { type: 'string', minLength: 1 }, freight: str, origin },
    }),
    columns: [
      { name: 'Stage', type: 'string', jsonPath: '.spec.stage' },
      { name: 'Freight', type: 'string', jsonPath: '.spec.freight' },
      { name: 'Phase', type: 'string', jsonPath: '.status.phase' },
      ageColumn,
    ],
  },
  {
    kind: 'PromotionTask',
    scope: 'Namespaced',
    shortNames: ['promotask', 'promotasks'],
    schema: specStatus(),
    columns: [ageColumn],
  },
  {
    kind: 'ClusterPromotionTask',
    scope: 'Cluster',
    shortNames: ['clusterpromotask', 'clusterpromotasks'],
    schema: specStatus(),
    columns: [ageColumn],
  },
];

/** Wharf's CustomResourceDefinitions for Kargo's kinds, served in embedded mode. */
export function kargoCrds(): (V1CustomResourceDefinition & { metadata: { name: string } })[] {
  return KINDS.map((d) => {
    const plural = KARGO_PLURALS[d.kind];
    return {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: {
        name: `${plural}.${KARGO_GROUP}`,
        labels: { 'app.kubernetes.io/managed-by': 'wharf' },
      },
      spec: {
        group: KARGO_GROUP,
        scope: d.scope,
        names: {
          kind: d.kind,
          listKind: `${d.kind}List`,
          plural,
          singular: d.kind.toLowerCase(),
          ...(d.shortNames ? { shortNames: d.shortNames } : {}),
        },
        versions: [
          {
            name: KARGO_VERSION,
            served: true,
            storage: true,
            subresources: { status: {} },
            additionalPrinterColumns: d.columns,
            schema: { openAPIV3Schema: d.schema },
          },
        ],
      },
    };
  });
}
