import type { Attributes, UserInfo } from './types.js';

/** The sentence Kubernetes puts in a 403 Forbidden Status after `<resource> "<name>" is forbidden: `. */
export function forbiddenReason(user: UserInfo, attrs: Attributes): string {
  const who = `User ${JSON.stringify(user.username)}`;
  if (attrs.kind === 'nonResource') {
    return `${who} cannot ${attrs.verb} path ${JSON.stringify(attrs.path)}`;
  }
  const resource = attrs.subresource ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
  const what = `${who} cannot ${attrs.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(attrs.apiGroup)}`;
  return attrs.namespace
    ? `${what} in the namespace ${JSON.stringify(attrs.namespace)}`
    : `${what} at the cluster scope`;
}
