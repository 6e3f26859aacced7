/**
 * Every spelling of a Secrets path an attacker tries against the Kubernetes proxy. Each form
 * rewrites a canonical `/api/v1/namespaces/<ns>/secrets[/<name>]` path; the suite sends each
 * form as a get (with a name), a list, and three kinds of watch.
 */
export interface PathForm {
  name: string;
  rewrite: (canonical: string) => string;
}

const swap = (from: string, to: string) => (p: string) => p.replace(from, to);

export const PATH_FORMS: PathForm[] = [
  { name: 'canonical', rewrite: (p) => p },
  { name: 'percent-encoded resource (%73ecrets)', rewrite: swap('/secrets', '/%73ecrets') },
  {
    name: 'fully percent-encoded resource',
    rewrite: swap('/secrets', '/%73%65%63%72%65%74%73'),
  },
  { name: 'percent-encoded "namespaces" segment', rewrite: swap('/namespaces/', '/%6eamespaces/') },
  { name: 'percent-encoded namespace name', rewrite: swap('/vault', '/%76ault') },
  { name: 'double slashes', rewrite: (p) => p.replaceAll('/', '//') },
  { name: 'leading double slash', rewrite: (p) => `/${p}` },
  { name: 'trailing slash', rewrite: (p) => `${p}/` },
  { name: 'dot segment (./)', rewrite: swap('/secrets', '/./secrets') },
  { name: 'dot-dot segment (configmaps/../)', rewrite: swap('/secrets', '/configmaps/../secrets') },
  { name: 'encoded dot-dot (%2e%2e)', rewrite: swap('/secrets', '/configmaps/%2e%2e/secrets') },
  { name: 'encoded dot-dot (%2E%2E)', rewrite: swap('/secrets', '/configmaps/%2E%2E/secrets') },
  { name: 'half-encoded dot-dot (.%2e)', rewrite: swap('/secrets', '/configmaps/.%2e/secrets') },
  { name: 'encoded dot (%2e)', rewrite: swap('/secrets', '/%2e/secrets') },
  { name: 'mixed case resource (Secrets)', rewrite: swap('/secrets', '/Secrets') },
  { name: 'upper case resource (SECRETS)', rewrite: swap('/secrets', '/SECRETS') },
  { name: 'upper-case escapes (%53ECRETS)', rewrite: swap('/secrets', '/%53ECRETS') },
];

/** Forms that must be refused outright (ambiguous), whatever the verb. */
export const REFUSED_FORMS: PathForm[] = [
  { name: 'encoded slash (%2F) after the resource', rewrite: swap('/secrets', '/secrets%2F') },
  { name: 'encoded slash (%2f) in the namespace', rewrite: swap('/namespaces/', '/namespaces%2f') },
  { name: 'double-encoded slash (%252F)', rewrite: swap('/secrets', '/secrets%252F') },
  { name: 'backslash separator', rewrite: swap('/secrets', '\\secrets') },
  { name: 'encoded backslash (%5C)', rewrite: swap('/secrets', '%5Csecrets') },
  { name: 'NUL byte (%00)', rewrite: (p) => `${p}%00` },
  { name: 'malformed escape (%zz)', rewrite: (p) => `${p}%zz` },
  { name: 'climbs above the root', rewrite: (p) => `/../..${p}` },
];

/** How a form is sent. `legacy` moves `watch` into the path as `/api/v1/watch/...`. */
export type Mode = 'request' | 'watch=true' | 'watch=1' | 'legacy watch';
export const MODES: Mode[] = ['request', 'watch=true', 'watch=1', 'legacy watch'];

export function urlFor(form: PathForm, mode: Mode, canonical: string): string {
  const base =
    mode === 'legacy watch' ? canonical.replace('/api/v1/', '/api/v1/watch/') : canonical;
  const path = form.rewrite(base);
  if (mode === 'request') return path;
  const sep = path.includes('?') ? '&' : '?';
  return mode === 'legacy watch'
    ? `${path}${sep}timeoutSeconds=2`
    : `${path}${sep}${mode}&timeoutSeconds=2`;
}
