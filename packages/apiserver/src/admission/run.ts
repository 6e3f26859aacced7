// Runs in-process admission hooks: every matching mutating hook in order, then every validating one.
import type { Caller, Ctx } from '../context.js';
import { ApiError } from '../errors/status.js';
import type { ResourceDef } from '../registry/resource-def.js';
import type { AdmissionRequest, AdmissionResponse } from '../types.js';
import { clone, type KObj } from '../util/kobj.js';

export interface AdmissionInput {
  operation: AdmissionRequest['operation'];
  def: ResourceDef;
  version: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  object?: KObj;
  oldObject?: KObj;
  caller: Caller;
}

function request(i: AdmissionInput, object: KObj | undefined): AdmissionRequest {
  return {
    operation: i.operation,
    group: i.def.group,
    version: i.version,
    kind: i.def.kind,
    resource: i.def.resource,
    ...(i.subresource ? { subresource: i.subresource } : {}),
    ...(i.namespace ? { namespace: i.namespace } : {}),
    name: i.name ?? object?.metadata.name ?? '',
    ...(object ? { object: clone(object) } : {}),
    ...(i.oldObject ? { oldObject: clone(i.oldObject) } : {}),
    userInfo: i.caller.user,
    dryRun: i.caller.dryRun,
  };
}

function deny(hook: string, r: Extract<AdmissionResponse, { allowed: false }>): ApiError {
  const reasons: Record<number, string> = {
    400: 'BadRequest',
    403: 'Forbidden',
    404: 'NotFound',
    409: 'Conflict',
    422: 'Invalid',
  };
  const causes = r.causes?.map((c) => ({
    reason: c.type ?? 'FieldValueInvalid',
    message: c.message,
    field: c.field,
  }));
  return new ApiError(
    r.code,
    r.reason ?? reasons[r.code] ?? 'BadRequest',
    `admission webhook "${hook}" denied the request: ${r.message}`,
    causes ? { causes } : undefined,
  );
}

function matching(ctx: Ctx, i: AdmissionInput) {
  const sel = {
    group: i.def.group,
    resource: i.def.resource,
    operation: i.operation,
    ...(i.subresource ? { subresource: i.subresource } : {}),
  };
  return ctx.hooks.filter((h) => h.matches(sel));
}

export async function mutate(
  ctx: Ctx,
  i: AdmissionInput,
): Promise<{ object?: KObj; warnings: string[] }> {
  let object = i.object;
  const warnings: string[] = [];
  for (const h of matching(ctx, i)) {
    if (!h.mutate) continue;
    const r = await h.mutate(request(i, object));
    if (!r.allowed) throw deny(h.name, r);
    if (r.warnings) warnings.push(...r.warnings);
    if (r.patchedObject && object)
      object = {
        ...clone(r.patchedObject),
        apiVersion: object.apiVersion,
        kind: object.kind,
      } as KObj;
  }
  return { ...(object ? { object } : {}), warnings };
}

export async function validate(ctx: Ctx, i: AdmissionInput): Promise<string[]> {
  const warnings: string[] = [];
  for (const h of matching(ctx, i)) {
    if (!h.validate) continue;
    const r = await h.validate(request(i, i.object));
    if (!r.allowed) throw deny(h.name, r);
    if (r.warnings) warnings.push(...r.warnings);
  }
  return warnings;
}
