const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * A role name becomes the name of a ServiceAccount, a Role and a RoleBinding. The roles API
 * holds it to the strictest of the three rules Kubernetes applies there: an RFC 1123 label
 * (at most 63 characters, no dots). Answers why a name is refused, or undefined when it is fine.
 */
export function roleNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'Enter a name.';
  if (name.length > 63) return `At most 63 characters (this one has ${name.length}).`;
  if (/[A-Z]/.test(name)) return 'Use lower-case letters only.';
  if (!LABEL.test(name))
    return 'Use only a-z, 0-9 and "-", starting and ending with a letter or digit (an RFC 1123 label, e.g. "qa-promoters").';
  return undefined;
}
