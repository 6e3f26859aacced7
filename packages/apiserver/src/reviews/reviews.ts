// The create-only review APIs: access reviews, rules reviews, token reviews, whoami.
import type { Ctx } from '../context.js';
import { errors } from '../errors/status.js';
import { authorize, rulesFor, type Attributes, type UserInfo } from '../rbac/index.js';
import { rbacSource } from '../auth/authorizer.js';
import { isObject, type JsonObject } from '../util/kobj.js';

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function attributesFrom(spec: JsonObject, namespaceOverride?: string): Attributes {
  const ra = spec.resourceAttributes;
  const nra = spec.nonResourceAttributes;
  if (isObject(ra)) {
    const ns = namespaceOverride ?? str(ra.namespace);
    return {
      kind: 'resource',
      verb: str(ra.verb),
      apiGroup: str(ra.group),
      resource: str(ra.resource),
      ...(str(ra.subresource) ? { subresource: str(ra.subresource) } : {}),
      ...(ns ? { namespace: ns } : {}),
      ...(str(ra.name) ? { name: str(ra.name) } : {}),
    };
  }
  if (isObject(nra)) return { kind: 'nonResource', verb: str(nra.verb), path: str(nra.path) };
  throw errors.invalid('authorization.k8s.io', 'SubjectAccessReview', '', [
    {
      reason: 'FieldValueRequired',
      message:
        'Required value: exactly one of nonResourceAttributes or resourceAttributes must be specified',
      field: 'spec.resourceAttributes',
    },
  ]);
}

function decide(ctx: Ctx, user: UserInfo, attrs: Attributes): JsonObject {
  const d = authorize(rbacSource(ctx), user, attrs);
  return d.allowed
    ? { allowed: true, ...(d.reason ? { reason: d.reason } : {}) }
    : { allowed: false, ...(d.reason ? { reason: d.reason } : {}) };
}

function userFromSpec(spec: JsonObject): UserInfo {
  const extra: Record<string, string[]> = {};
  if (isObject(spec.extra))
    for (const [k, v] of Object.entries(spec.extra)) if (Array.isArray(v)) extra[k] = v.map(String);
  return {
    username: str(spec.user),
    groups: Array.isArray(spec.groups) ? spec.groups.map(String) : [],
    ...(str(spec.uid) ? { uid: str(spec.uid) } : {}),
    ...(Object.keys(extra).length ? { extra } : {}),
  };
}

function userJson(u: UserInfo): JsonObject {
  return {
    username: u.username,
    ...(u.uid ? { uid: u.uid } : {}),
    groups: u.groups,
    ...(u.extra ? { extra: u.extra } : {}),
  };
}

/** Answers a review; `body` was already checked to be an object of the right kind. */
export async function review(
  ctx: Ctx,
  user: UserInfo,
  resource: string,
  namespace: string | undefined,
  body: JsonObject,
): Promise<JsonObject> {
  const spec = isObject(body.spec) ? body.spec : {};
  const out: JsonObject = { ...body, metadata: isObject(body.metadata) ? body.metadata : {} };
  switch (resource) {
    case 'selfsubjectaccessreviews':
      return { ...out, status: decide(ctx, user, attributesFrom(spec)) };
    case 'subjectaccessreviews':
      return { ...out, status: decide(ctx, userFromSpec(spec), attributesFrom(spec)) };
    case 'localsubjectaccessreviews':
      return { ...out, status: decide(ctx, userFromSpec(spec), attributesFrom(spec, namespace)) };
    case 'selfsubjectrulesreviews': {
      const r = rulesFor(rbacSource(ctx), user, str(spec.namespace));
      return {
        ...out,
        status: {
          resourceRules: r.resourceRules,
          nonResourceRules: r.nonResourceRules,
          incomplete: r.incomplete,
        },
      };
    }
    case 'tokenreviews': {
      const u = await ctx.tokens.authenticate(str(spec.token));
      const aud = Array.isArray(spec.audiences) ? spec.audiences : undefined;
      return {
        ...out,
        status: u
          ? { authenticated: true, user: userJson(u), ...(aud ? { audiences: aud } : {}) }
          : { authenticated: false, user: {}, error: 'invalid bearer token' },
      };
    }
    case 'selfsubjectreviews':
      return { ...out, status: { userInfo: userJson(user) } };
    default:
      throw errors.pathNotFound();
  }
}
