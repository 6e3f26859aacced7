import type { Freight, Promotion, Stage, Warehouse } from '@wharf/shared';
import {
  FreightViewSchema,
  PromotionViewSchema,
  RoomStageViewSchema,
  StageViewSchema,
  WarehouseViewSchema,
  type FreightView,
  type PromotionView,
  type RoomStageView,
  type StageView,
  type WarehouseView,
} from '@wharf/shared/api';
import type { z } from 'zod';
import { toFreightView } from '../views/freight-view.js';
import { toPromotionView, type PromotionViewContext } from '../views/promotion-view.js';
import { toStageView, type StageViewContext } from '../views/stage-view.js';
import { toWarehouseView } from '../views/warehouse-view.js';
import { keepJson } from './view-json.js';

/**
 * Wire views of cached objects, built and validated once per object version. The cache holds
 * one immutable object per version (a change replaces it), so a view keyed by the object stays
 * right until the object changes, or until what else it shows (`stamp`: e.g. the alias of the
 * freight a stage holds) does. A read of 3,000 stages then costs lookups, not 3,000 builds and
 * checks; a change costs the one view it touches. Each view's JSON text is kept too (view-json.ts).
 */
class ViewCache<O extends object, V extends object, C> {
  private readonly views = new WeakMap<O, { view: V; stamp: string }>();

  constructor(
    private readonly build: (o: O, ctx: C) => V,
    private readonly schema: z.ZodType<V>,
    private readonly stampOf: (o: O, ctx: C) => string,
  ) {}

  get(o: O, ctx: C): V {
    const stamp = this.stampOf(o, ctx);
    const hit = this.views.get(o);
    if (hit && hit.stamp === stamp) return hit.view;
    const view = keepJson(this.schema.parse(this.build(o, ctx)));
    this.views.set(o, { view, stamp });
    return view;
  }
}

const none = () => '';

/** What a stage view shows of other objects: the alias and holding time of its freight. */
function stageStamp(s: Stage, ctx: StageViewContext): string {
  let stamp = '';
  for (const ref of Object.values(s.status?.freightHistory?.[0]?.items ?? {})) {
    const name = ref.name ?? '';
    stamp += `${name}=${ctx.aliasOf(name) ?? ''}@${ctx.sinceOf?.(name, s.metadata.name) ?? ''};`;
  }
  return stamp;
}

const stages = new ViewCache<Stage, StageView, StageViewContext>(
  toStageView,
  StageViewSchema,
  stageStamp,
);
// The room's stage: built as the stage's view, its `conditions` left out by the schema (see
// RoomStageViewSchema; zod drops keys an object schema does not name). Built on its own rather
// than from the whole view's cache, so a room-only change neither checks the whole view too nor
// keeps its text beside the room's.
const roomStages = new ViewCache<Stage, RoomStageView, StageViewContext>(
  toStageView,
  RoomStageViewSchema,
  stageStamp,
);
const warehouses = new ViewCache<Warehouse, WarehouseView, undefined>(
  (w) => toWarehouseView(w),
  WarehouseViewSchema,
  none,
);
const freight = new ViewCache<Freight, FreightView, undefined>(
  (f) => toFreightView(f),
  FreightViewSchema,
  none,
);
const promotions = new ViewCache<Promotion, PromotionView, PromotionViewContext>(
  toPromotionView,
  PromotionViewSchema,
  (p, ctx) =>
    `${ctx.aliasOf(p.spec.freight ?? p.status?.freight?.name ?? '') ?? ''};${ctx.wharfActor ?? ''}`,
);

/** Validated views, cached per object version (see ViewCache). */
export const views = {
  stage: (s: Stage, ctx: StageViewContext) => stages.get(s, ctx),
  roomStage: (s: Stage, ctx: StageViewContext) => roomStages.get(s, ctx),
  warehouse: (w: Warehouse) => warehouses.get(w, undefined),
  freight: (f: Freight) => freight.get(f, undefined),
  promotion: (p: Promotion, ctx: PromotionViewContext) => promotions.get(p, ctx),
};
