import type { Subject, UserInfo } from './types.js';

export function serviceAccountUsername(namespace: string, name: string): string {
  return `system:serviceaccount:${namespace}:${name}`;
}

/**
 * Whether a binding subject names this user. A ServiceAccount subject without a
 * namespace takes the namespace of its RoleBinding; in a ClusterRoleBinding
 * (bindingNamespace '') it then matches nobody.
 */
export function subjectMatches(
  subject: Subject,
  user: UserInfo,
  bindingNamespace: string,
): boolean {
  switch (subject.kind) {
    case 'User':
      return subject.name === user.username;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const ns = subject.namespace || bindingNamespace;
      return ns !== '' && serviceAccountUsername(ns, subject.name) === user.username;
    }
    default:
      return false;
  }
}

/** How Kubernetes names a subject in an RBAC decision reason. */
export function describeSubject(subject: Subject, bindingNamespace: string): string {
  if (subject.kind === 'ServiceAccount') {
    const ns = subject.namespace || bindingNamespace;
    return `${subject.kind} ${JSON.stringify(`${subject.name}/${ns}`)}`;
  }
  return `${subject.kind} ${JSON.stringify(subject.name)}`;
}
