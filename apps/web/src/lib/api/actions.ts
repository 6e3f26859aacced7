import {
  AbortPromotionResultSchema,
  AbortVerificationResultSchema,
  AliasResultSchema,
  ApproveResultSchema,
  ApprovalRequestResultSchema,
  CreateFreightResultSchema,
  DeleteFreightResultSchema,
  PromoteDownstreamResultSchema,
  PromoteResultSchema,
  RefreshStageResultSchema,
  RefreshWarehouseResultSchema,
  ReverifyResultSchema,
  type CreateFreightRequest,
  type PromoteRequest,
} from '@wharf/shared/api';
import { api, seg } from '@/lib/http';

const p = (project: string) => `projects/${seg(project)}`;
const post = <T>(path: string, parse: (b: unknown) => T, body: unknown = {}) =>
  api(path, { method: 'POST', body }, parse);

export const promote = (project: string, stage: string, body: PromoteRequest) =>
  post(`${p(project)}/stages/${seg(stage)}/promotions`, (b) => PromoteResultSchema.parse(b), body);

export const promoteDownstream = (project: string, stage: string, freight: string) =>
  post(
    `${p(project)}/stages/${seg(stage)}/promotions/downstream`,
    (b) => PromoteDownstreamResultSchema.parse(b),
    { freight },
  );

export const approve = (project: string, freight: string, stage: string) =>
  post(`${p(project)}/freight/${seg(freight)}/approve`, (b) => ApproveResultSchema.parse(b), {
    stage,
  });

/** Records that someone asks for this freight to be approved for a stage (shown to approvers). */
export const requestApproval = (project: string, freight: string, stage: string) =>
  post(
    `${p(project)}/freight/${seg(freight)}/approval-requests`,
    (b) => ApprovalRequestResultSchema.parse(b),
    { stage },
  );

export const setAlias = (project: string, freight: string, alias: string) =>
  api(`${p(project)}/freight/${seg(freight)}/alias`, { method: 'PATCH', body: { alias } }, (b) =>
    AliasResultSchema.parse(b),
  );

export const createFreight = (project: string, warehouse: string, body: CreateFreightRequest) =>
  post(
    `${p(project)}/warehouses/${seg(warehouse)}/freight`,
    (b) => CreateFreightResultSchema.parse(b),
    body,
  );

export const deleteFreight = (project: string, freight: string) =>
  api(`${p(project)}/freight/${seg(freight)}`, { method: 'DELETE' }, (b) =>
    DeleteFreightResultSchema.parse(b),
  );

export const refreshWarehouse = (project: string, warehouse: string) =>
  post(`${p(project)}/warehouses/${seg(warehouse)}/refresh`, (b) =>
    RefreshWarehouseResultSchema.parse(b),
  );

export const refreshStage = (project: string, stage: string) =>
  post(`${p(project)}/stages/${seg(stage)}/refresh`, (b) => RefreshStageResultSchema.parse(b));

export const abortPromotion = (project: string, promotion: string) =>
  post(`${p(project)}/promotions/${seg(promotion)}/abort`, (b) =>
    AbortPromotionResultSchema.parse(b),
  );

export const reverify = (project: string, stage: string) =>
  post(`${p(project)}/stages/${seg(stage)}/verification`, (b) => ReverifyResultSchema.parse(b));

export const abortVerification = (project: string, stage: string) =>
  post(`${p(project)}/stages/${seg(stage)}/verification/abort`, (b) =>
    AbortVerificationResultSchema.parse(b),
  );
