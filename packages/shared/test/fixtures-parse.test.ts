import { describe, expect, it } from 'vitest';
import {
  ClusterPromotionTaskSchema,
  FreightSchema,
  KubeEventSchema,
  ProjectConfigSchema,
  ProjectSchema,
  PromotionSchema,
  PromotionTaskSchema,
  StageSchema,
  WarehouseSchema,
} from '../src/index.js';
import { echoServerProject, storefrontProject } from '../src/fixtures/index.js';
import type { ProjectFixture } from '../src/fixtures/index.js';

function roundTrips(f: ProjectFixture): void {
  const pairs: Array<[{ parse: (v: unknown) => unknown }, unknown[]]> = [
    [ProjectSchema, [f.project]],
    [ProjectConfigSchema, f.projectConfig ? [f.projectConfig] : []],
    [WarehouseSchema, f.warehouses],
    [StageSchema, f.stages],
    [FreightSchema, f.freight],
    [PromotionSchema, f.promotions],
    [PromotionTaskSchema, f.promotionTasks],
    [ClusterPromotionTaskSchema, f.clusterPromotionTasks],
    [KubeEventSchema, f.events ?? []],
  ];
  for (const [schema, objects] of pairs) {
    for (const obj of objects) expect(schema.parse(obj)).toStrictEqual(obj);
  }
}

describe('zod schemas read every fixture back unchanged', () => {
  it.each([
    ['echo-server', echoServerProject],
    ['storefront', storefrontProject],
  ])('%s parses with nothing dropped or added', (_name, make) => {
    roundTrips(make());
  });
});
