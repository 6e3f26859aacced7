import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ON_BEHALF_RULES } from '../apps/bff/src/access/on-behalf.js';
import { KINDS } from '../apps/bff/src/cache/kinds.js';

// No helm binary exists on these machines, so this checks what can be checked without one: the
// values against the chart's own schema, each template's YAML, and that the chart grants exactly
// the RBAC of deploy/rbac, which is exactly what the BFF's cache reads.
const chart = fileURLToPath(new URL('./helm/wharf/', import.meta.url));
const rbacDir = fileURLToPath(new URL('./rbac/', import.meta.url));
const read = (file: string) => readFileSync(chart + file, 'utf8');
const schema = JSON.parse(read('values.schema.json')) as object;
const validate = new Ajv({ allErrors: true }).compile(schema);

interface Rule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
  resourceNames?: string[];
}
interface RbacObject {
  kind: string;
  metadata: { name: string; namespace?: string };
  rules?: Rule[];
}

/** Replaces template actions with a placeholder so the YAML structure can be read. */
function stubTemplate(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*\{\{-?.*-?\}\}\s*$/.test(line))
    .join('\n')
    .replace(/\{\{[^}]*\}\}/g, 'placeholder');
}

const docs = (text: string) =>
  parseAllDocuments(text)
    .map((d) => d.toJS() as RbacObject | null)
    .filter((d): d is RbacObject => d !== null);

const plainRbac = readdirSync(rbacDir)
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => docs(readFileSync(rbacDir + f, 'utf8')));
const chartRbac = docs(stubTemplate(read('templates/rbac.yaml')));
const roles = (objs: RbacObject[]) => objs.filter((o) => o.kind.endsWith('Role'));
const allRules = roles(plainRbac).flatMap((r) => r.rules ?? []);

describe('helm chart', () => {
  it('default values satisfy values.schema.json: two replicas behind an Ingress with TLS', () => {
    const values = parse(read('values.yaml')) as {
      replicaCount: number;
      publicUrl: string;
      ingress: { enabled: boolean };
    };
    expect(validate(values), JSON.stringify(validate.errors)).toBe(true);
    expect(values.replicaCount).toBe(2);
    expect(values.ingress.enabled).toBe(true);
    expect(values.publicUrl).toMatch(/^https:/);
  });

  it('values.schema.json refuses zero replicas and unknown keys', () => {
    const values = parse(read('values.yaml')) as Record<string, unknown>;
    expect(validate({ ...values, replicaCount: 0 })).toBe(false);
    expect(validate({ ...values, replicas: 3 })).toBe(false);
  });

  it('every template is YAML once template actions are stubbed', () => {
    for (const file of readdirSync(chart + 'templates').filter((f) => f.endsWith('.yaml'))) {
      const parsed = parseAllDocuments(stubTemplate(read(`templates/${file}`)));
      for (const doc of parsed) expect(doc.errors, file).toEqual([]);
    }
  });

  it('has probes, resource requests and a PodDisruptionBudget', () => {
    const deployment = read('templates/deployment.yaml');
    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe'])
      expect(deployment).toContain(probe);
    expect(deployment).toContain('{{ $base }}/readyz');
    expect(deployment).toMatch(/resources:\s*\n\s*\{\{- toYaml \.Values\.resources/);
    expect(
      (parse(read('values.yaml')) as { resources: { requests: object } }).resources.requests,
    ).toBeDefined();
    expect(read('templates/pdb.yaml')).toContain('kind: PodDisruptionBudget');
  });

  it('renders the same roles, with the same rules, as deploy/rbac', () => {
    const byName = (objs: RbacObject[], rename: (n: string) => string) =>
      Object.fromEntries(roles(objs).map((r) => [`${r.kind}/${rename(r.metadata.name)}`, r.rules]));
    expect(byName(chartRbac, (n) => n.replace('placeholder', 'wharf'))).toEqual(
      byName(plainRbac, (n) => n),
    );
  });
});

describe('deploy/rbac: what ServiceAccount wharf may do', () => {
  it('binds every role to ServiceAccount wharf in namespace wharf, and nothing else', () => {
    for (const b of plainRbac.filter((o) => o.kind.endsWith('Binding'))) {
      expect((b as unknown as { subjects: unknown[] }).subjects).toEqual([
        { kind: 'ServiceAccount', name: 'wharf', namespace: 'wharf' },
      ]);
    }
  });

  it('impersonates ServiceAccounts only: no users, no groups', () => {
    const impersonated = allRules
      .filter((r) => r.verbs.includes('impersonate'))
      .flatMap((r) => r.resources);
    expect(impersonated).toEqual(['serviceaccounts']);
  });

  it('writes only its own Secret, Events, and, of Kargo, exactly what it does as itself after checking the user', () => {
    const kargoWrites: string[] = [];
    for (const role of roles(plainRbac)) {
      for (const rule of role.rules ?? []) {
        const reviews = rule.resources.every((r) => r.endsWith('reviews'));
        const ownSecrets = role.kind === 'Role' && rule.resources.join() === 'secrets';
        const kargo = rule.apiGroups.join() === 'kargo.akuity.io';
        // The Events Kargo's API server records after promoting or approving for a person.
        const events = rule.apiGroups.join() === '' && rule.resources.join() === 'events';
        const read = ['get', 'list', 'watch'];
        for (const verb of rule.verbs.filter((v) => kargo && !read.includes(v)))
          kargoWrites.push(...rule.resources.map((r) => `${verb} ${r}`));
        const allowed = reviews
          ? ['create']
          : ownSecrets
            ? ['create', 'get', 'list', 'watch', 'update', 'patch']
            : events
              ? [...read, 'create']
              : kargo
                ? [...read, 'create', 'patch', 'promote']
                : [...read, 'impersonate'];
        for (const verb of rule.verbs)
          expect(allowed, `${verb} on ${rule.resources}`).toContain(verb);
        if (ownSecrets && !rule.verbs.includes('create'))
          expect(rule.resourceNames).toEqual(['wharf-secret']);
      }
    }
    const needed = new Set(Object.values(ON_BEHALF_RULES).flatMap((r) => r.needs));
    expect(kargoWrites.sort()).toEqual([...needed].sort());
  });

  it('reads exactly the kinds the BFF caches', () => {
    const read = new Set(
      allRules
        // Its own Secret (watched by name for sign-outs) is not a cached kind.
        .filter((r) => r.verbs.includes('watch') && !r.resourceNames?.includes('wharf-secret'))
        .flatMap((r) => r.resources.map((res) => `${r.apiGroups[0] ?? ''}/${res}`)),
    );
    const cached = new Set(
      Object.values(KINDS).map((def) => {
        const path = typeof def.path === 'string' ? def.path : def.path('ns');
        const m = /^\/(?:api\/v1|apis\/([^/]+)\/[^/]+)(?:\/namespaces\/[^/]+)?\/([^/]+)$/.exec(
          path,
        );
        return `${m?.[1] ?? ''}/${m?.[2] ?? ''}`;
      }),
    );
    expect([...read].sort()).toEqual([...cached].sort());
  });
});
