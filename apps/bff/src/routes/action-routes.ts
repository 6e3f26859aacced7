import type { KubeConfig } from '@kubernetes/client-node';
import type { Request } from 'express';
import { z } from 'zod';
import {
  AbortPromotionResultSchema,
  AbortVerificationResultSchema,
  AliasRequestSchema,
  AliasResultSchema,
  ApplyResourcesRequestSchema,
  CreateFreightRequestSchema,
  CreateFreightResultSchema,
  ApplyResourcesResultSchema,
  ApproveRequestSchema,
  ApproveResultSchema,
  ApprovalRequestResultSchema,
  WithdrawApprovalRequestResultSchema,
  DeleteFreightResultSchema,
  PromoteDownstreamRequestSchema,
  PromoteDownstreamResultSchema,
  PromoteRequestSchema,
  PromoteResultSchema,
  RefreshStageResultSchema,
  RefreshWarehouseResultSchema,
  ReverifyResultSchema,
} from '@wharf/shared/api';
import type { Caller } from '../access/caller.js';
import type { ActionContext } from '../actions/action-context.js';
import {
  abortPromotion,
  refreshStage,
  refreshWarehouse,
  verificationAction,
} from '../actions/annotation-actions.js';
import { applyResources } from '../actions/apply-resources.js';
import { requestApproval, withdrawApprovalRequest } from '../actions/approval-requests.js';
import { createFreight } from '../actions/create-freight.js';
import { approve, deleteFreight, setAlias } from '../actions/freight-actions.js';
import { promote } from '../actions/promote.js';
import { promoteDownstream } from '../actions/promote-downstream.js';
import { KubeClient } from '../kube/kube-client.js';
import type { ReadModels } from '../read/read-models.js';
import { route, type RouteSpec } from './api-route.js';
import { FreightParams, PromotionParams, StageParams, WarehouseParams } from './params.js';

const NoBody = z.object({}).optional();

/**
 * Every Kargo action as REST; each answers with the object it created or changed. `own` is
 * Wharf's own identity, for what Kargo's API server does as itself after checking the user.
 */
export function actionRoutes(models: ReadModels, now: () => number, own: KubeConfig): RouteSpec[] {
  const ownClient = new KubeClient(own);
  const ctx = (req: Request, caller: Caller, project: string): ActionContext => ({
    caller,
    reader: models.reader(project),
    own: ownClient,
    now,
    warn: (message, err) => req.log.warn({ err }, message),
  });
  return [
    route({
      method: 'post',
      path: '/projects/:project/stages/:stage/promotions',
      tag: 'actions',
      summary: 'Promote freight (by name or alias) to a stage, or resume auto-promotion by origin',
      params: StageParams,
      body: PromoteRequestSchema,
      response: PromoteResultSchema,
      status: 201,
      handler: ({ req, caller, params, body }) =>
        promote(ctx(req, caller, params.project), params.stage, body),
    }),
    route({
      method: 'post',
      path: '/projects/:project/stages/:stage/promotions/downstream',
      tag: 'actions',
      summary: 'Promote freight verified in a stage to every stage downstream of it',
      params: StageParams,
      body: PromoteDownstreamRequestSchema,
      response: PromoteDownstreamResultSchema,
      status: 201,
      handler: ({ req, caller, params, body }) =>
        promoteDownstream(ctx(req, caller, params.project), params.stage, body),
    }),
    route({
      method: 'post',
      path: '/projects/:project/freight/:freight/approve',
      tag: 'actions',
      summary: 'Approve freight for a stage',
      params: FreightParams,
      body: ApproveRequestSchema,
      response: ApproveResultSchema,
      handler: ({ req, caller, params, body }) =>
        approve(ctx(req, caller, params.project), params.freight, body.stage),
    }),
    route({
      method: 'post',
      path: '/projects/:project/freight/:freight/approval-requests',
      tag: 'actions',
      summary:
        'Ask for freight to be approved for a stage (kept in its status metadata until approved)',
      params: FreightParams,
      body: ApproveRequestSchema,
      response: ApprovalRequestResultSchema,
      handler: ({ req, caller, params, body }) =>
        requestApproval(ctx(req, caller, params.project), params.freight, body.stage),
    }),
    route({
      method: 'delete',
      path: '/projects/:project/freight/:freight/approval-requests/:stage',
      tag: 'actions',
      summary: 'Withdraw a request for approval',
      params: FreightParams.extend({ stage: StageParams.shape.stage }),
      response: WithdrawApprovalRequestResultSchema,
      handler: ({ req, caller, params }) =>
        withdrawApprovalRequest(ctx(req, caller, params.project), params.freight, params.stage),
    }),
    route({
      method: 'patch',
      path: '/projects/:project/freight/:freight/alias',
      tag: 'actions',
      summary: 'Change the alias of freight (unique in the project)',
      params: FreightParams,
      body: AliasRequestSchema,
      response: AliasResultSchema,
      handler: ({ req, caller, params, body }) =>
        setAlias(ctx(req, caller, params.project), params.freight, body),
    }),
    route({
      method: 'post',
      path: '/projects/:project/warehouses/:warehouse/freight',
      tag: 'actions',
      summary:
        'Create freight from artifacts picked by hand, one per warehouse subscription (Kargo names it)',
      params: WarehouseParams,
      body: CreateFreightRequestSchema,
      response: CreateFreightResultSchema,
      status: 201,
      handler: ({ req, caller, params, body }) =>
        createFreight(ctx(req, caller, params.project), params.warehouse, body),
    }),
    route({
      method: 'delete',
      path: '/projects/:project/freight/:freight',
      tag: 'actions',
      summary: 'Delete freight no stage holds',
      params: FreightParams,
      response: DeleteFreightResultSchema,
      handler: ({ req, caller, params }) =>
        deleteFreight(ctx(req, caller, params.project), params.freight),
    }),
    route({
      method: 'post',
      path: '/projects/:project/warehouses/:warehouse/refresh',
      tag: 'actions',
      summary: 'Ask the warehouse to discover artifacts now',
      params: WarehouseParams,
      body: NoBody,
      response: RefreshWarehouseResultSchema,
      handler: ({ req, caller, params }) =>
        refreshWarehouse(ctx(req, caller, params.project), params.warehouse),
    }),
    route({
      method: 'post',
      path: '/projects/:project/stages/:stage/refresh',
      tag: 'actions',
      summary: 'Ask the stage to reconcile now',
      params: StageParams,
      body: NoBody,
      response: RefreshStageResultSchema,
      handler: ({ req, caller, params }) =>
        refreshStage(ctx(req, caller, params.project), params.stage),
    }),
    route({
      method: 'post',
      path: '/projects/:project/promotions/:promotion/abort',
      tag: 'actions',
      summary: 'Abort a promotion that has not finished',
      params: PromotionParams,
      body: NoBody,
      response: AbortPromotionResultSchema,
      handler: ({ req, caller, params }) =>
        abortPromotion(ctx(req, caller, params.project), params.promotion),
    }),
    route({
      method: 'post',
      path: '/projects/:project/stages/:stage/verification',
      tag: 'actions',
      summary: 'Run the verification of the current freight again',
      params: StageParams,
      body: NoBody,
      response: ReverifyResultSchema,
      handler: ({ req, caller, params }) =>
        verificationAction(ctx(req, caller, params.project), params.stage, 'reverify'),
    }),
    route({
      method: 'post',
      path: '/projects/:project/stages/:stage/verification/abort',
      tag: 'actions',
      summary: 'Abort the running verification',
      params: StageParams,
      body: NoBody,
      response: AbortVerificationResultSchema,
      handler: ({ req, caller, params }) =>
        verificationAction(ctx(req, caller, params.project), params.stage, 'abort-verification'),
    }),
    route({
      method: 'post',
      path: '/resources',
      tag: 'actions',
      summary: 'Apply one or more YAML documents as the caller (create or merge)',
      body: ApplyResourcesRequestSchema,
      response: ApplyResourcesResultSchema,
      handler: ({ caller, body }) => applyResources(caller, body.manifest),
    }),
  ];
}
