// serviceaccounts/<name>/token (TokenRequest), what `kubectl create token` calls.
import type { Ctx } from '../context.js';
import { errors } from '../errors/status.js';
import { isObject, type JsonObject } from '../util/kobj.js';

export async function tokenRequest(
  ctx: Ctx,
  namespace: string,
  name: string,
  body: JsonObject,
  dryRun: boolean,
): Promise<JsonObject> {
  const sa = ctx.store.get('serviceaccounts', namespace, name);
  if (!sa) throw errors.notFound('', 'serviceaccounts', name);
  const spec = isObject(body.spec) ? body.spec : {};
  const exp = typeof spec.expirationSeconds === 'number' ? spec.expirationSeconds : 3600;
  if (exp < 600)
    throw errors.invalid('authentication.k8s.io', 'TokenRequest', name, [
      {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${exp}: may not specify a duration less than 10 minutes`,
        field: 'spec.expirationSeconds',
      },
    ]);
  const audiences = Array.isArray(spec.audiences) ? spec.audiences.map(String) : [];
  const ref = isObject(spec.boundObjectRef) ? spec.boundObjectRef : undefined;
  const issued = dryRun
    ? { token: '', expirationTimestamp: '' }
    : await ctx.tokens.issueServiceAccountToken(
        { namespace, name, uid: sa.metadata.uid ?? '' },
        {
          ...(audiences.length ? { audiences } : {}),
          expirationSeconds: exp,
          ...(ref
            ? {
                boundObject: {
                  kind: String(ref.kind),
                  name: String(ref.name),
                  uid: String(ref.uid ?? ''),
                },
              }
            : {}),
        },
      );
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name, namespace, creationTimestamp: null },
    spec: {
      audiences: audiences.length ? audiences : ['https://kubernetes.default.svc.cluster.local'],
      expirationSeconds: exp,
      boundObjectRef: ref ?? null,
    },
    status: issued,
  };
}
