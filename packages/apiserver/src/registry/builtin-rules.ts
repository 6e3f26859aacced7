// Per-kind rules kube-apiserver applies to built-in kinds: Secret stringData folding and data
// encoding, immutable ConfigMaps/Secrets, Secret type and binding roleRef immutability.
import { isObject, deepEqual, type KObj } from '../util/kobj.js';
import type { ResourceDef } from './resource-def.js';

type Cause = { field: string; reason: string; message: string };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const DATA_KEY = /^[-._a-zA-Z0-9]+$/;

/** stringData is write-only: folded into data (base64) before anything else sees the object. */
function foldStringData(o: KObj): void {
  if (!isObject(o.stringData)) return;
  const data: Record<string, unknown> = isObject(o.data) ? { ...o.data } : {};
  for (const [k, v] of Object.entries(o.stringData))
    data[k] = Buffer.from(String(v)).toString('base64');
  o.data = data;
  delete o.stringData;
  if (!o.type) o.type = 'Opaque';
}

function dataKeys(o: KObj, field: 'data' | 'binaryData', out: Cause[], base64: boolean): void {
  const d = o[field];
  if (!isObject(d)) return;
  for (const [k, v] of Object.entries(d)) {
    if (!DATA_KEY.test(k))
      out.push({
        field: `${field}[${k}]`,
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${k}": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
      });
    if (base64 && (typeof v !== 'string' || v.length % 4 !== 0 || !BASE64.test(v)))
      out.push({
        field: `${field}[${k}]`,
        reason: 'FieldValueInvalid',
        message: 'Invalid value: "<secret contents redacted>": illegal base64 data',
      });
  }
}

function immutable(o: KObj, old: KObj | undefined, out: Cause[], fields: string[]): void {
  if (!old || old.immutable !== true) return;
  for (const f of fields)
    if (!deepEqual(o[f], old[f]))
      out.push({
        field: f,
        reason: 'FieldValueForbidden',
        message: 'Forbidden: field is immutable when `immutable` is set',
      });
  if (o.immutable !== true)
    out.push({
      field: 'immutable',
      reason: 'FieldValueForbidden',
      message: 'Forbidden: field is immutable when `immutable` is set',
    });
}

export function attachBuiltinRules(defs: ResourceDef[]): void {
  for (const d of defs) {
    if (d.group === '' && d.resource === 'secrets') {
      d.prepare = foldStringData;
      d.validate = (o, old) => {
        const out: Cause[] = [];
        dataKeys(o, 'data', out, true);
        if (old && (old.type ?? 'Opaque') !== (o.type ?? 'Opaque'))
          out.push({
            field: 'type',
            reason: 'FieldValueInvalid',
            message: `Invalid value: "${String(o.type)}": field is immutable`,
          });
        immutable(o, old, out, ['data']);
        return out;
      };
    }
    if (d.group === '' && d.resource === 'configmaps')
      d.validate = (o, old) => {
        const out: Cause[] = [];
        dataKeys(o, 'data', out, false);
        dataKeys(o, 'binaryData', out, true);
        immutable(o, old, out, ['data', 'binaryData']);
        return out;
      };
    if (
      d.group === 'rbac.authorization.k8s.io' &&
      (d.resource === 'rolebindings' || d.resource === 'clusterrolebindings')
    )
      d.validate = (o, old) => {
        const out: Cause[] = [];
        const ref = isObject(o.roleRef) ? o.roleRef : undefined;
        if (!ref)
          out.push({ field: 'roleRef', reason: 'FieldValueRequired', message: 'Required value' });
        else {
          if (!ref.name)
            out.push({
              field: 'roleRef.name',
              reason: 'FieldValueRequired',
              message: 'Required value',
            });
          const kinds = d.resource === 'rolebindings' ? ['Role', 'ClusterRole'] : ['ClusterRole'];
          if (!kinds.includes(String(ref.kind)))
            out.push({
              field: 'roleRef.kind',
              reason: 'FieldValueNotSupported',
              message: `Unsupported value: "${String(ref.kind ?? '')}": supported values: ${kinds.map((k) => `"${k}"`).join(', ')}`,
            });
        }
        if (old && !deepEqual(old.roleRef, o.roleRef))
          out.push({
            field: 'roleRef',
            reason: 'FieldValueInvalid',
            message: `Invalid value: ${JSON.stringify(o.roleRef)}: cannot change roleRef`,
          });
        return out;
      };
  }
}
