import { expect, test } from '@playwright/test';
import { stageCapability, type StagesCapabilities } from '@wharf/shared/api';
import {
  createAccessProject,
  deleteProject,
  kubectl,
  kubectlJson,
  missingPrerequisite,
  signInAsAdmin,
  signInWithToken,
} from '../pages/access-kube.js';
import { AccessPage } from '../pages/access-page.js';

interface Meta {
  metadata: { annotations?: Record<string, string> };
}
interface RoleJson extends Meta {
  rules: { apiGroups: string[]; resources: string[]; resourceNames?: string[]; verbs: string[] }[];
}
interface BindingJson extends Meta {
  roleRef: { apiGroup: string; kind: string; name: string };
  subjects: { kind: string; name: string; namespace: string }[];
}

let project = '';
test.beforeEach(async ({ page }) => {
  const missing = await missingPrerequisite(page);
  test.skip(missing !== undefined, `skipped: ${missing}`);
  project = await createAccessProject();
  await signInAsAdmin(page);
});
test.afterEach(async () => {
  if (project) await deleteProject(project);
});

test('a role mapping group qa to "promoter for staging" is three Kubernetes objects with Kargo\'s annotations', async ({
  page,
  browser,
}) => {
  const access = new AccessPage(page, project);
  await access.goto();
  await access.createRole({
    name: 'qa-promoters',
    claims: [['groups', 'qa']],
    promoterFor: ['staging'],
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Role qa-promoters' })).toBeVisible();

  const ns = ['-n', project];
  const sa = await kubectlJson<Meta>(['get', 'serviceaccount', 'qa-promoters', ...ns]);
  expect(sa.metadata.annotations).toMatchObject({
    'rbac.kargo.akuity.io/managed': 'true',
    'rbac.kargo.akuity.io/claims': '{"groups":["qa"]}',
  });
  const role = await kubectlJson<RoleJson>(['get', 'role', 'qa-promoters', ...ns]);
  expect(role.metadata.annotations?.['rbac.kargo.akuity.io/managed']).toBe('true');
  expect(role.rules).toContainEqual({
    apiGroups: ['kargo.akuity.io'],
    resources: ['stages'],
    resourceNames: ['staging'],
    verbs: ['promote'],
  });
  expect(role.rules).toContainEqual({
    apiGroups: ['kargo.akuity.io'],
    resources: ['promotions'],
    verbs: ['create', 'get', 'list', 'watch'],
  });
  expect(role.rules.some((r) => r.resourceNames?.includes('production'))).toBe(false);
  const binding = await kubectlJson<BindingJson>(['get', 'rolebinding', 'qa-promoters', ...ns]);
  expect(binding.metadata.annotations?.['rbac.kargo.akuity.io/managed']).toBe('true');
  expect(binding.roleRef).toEqual({
    apiGroup: 'rbac.authorization.k8s.io',
    kind: 'Role',
    name: 'qa-promoters',
  });
  expect(binding.subjects).toEqual([
    { kind: 'ServiceAccount', name: 'qa-promoters', namespace: project },
  ]);

  // Acting as the role (its ServiceAccount's token): Kubernetes lets it promote to staging only.
  const asRole = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  await signInWithToken(
    await asRole.newPage(),
    (await kubectl(['create', 'token', 'qa-promoters', ...ns])).trim(),
  );
  await expect
    .poll(async () => {
      const caps = (await (
        await asRole.request.get(`/api/v1/projects/${project}/capabilities`)
      ).json()) as { stages: StagesCapabilities };
      const prod = stageCapability(caps.stages, 'production', 'promote');
      const reason = prod && !prod.allowed ? prod.reason : '';
      return [
        stageCapability(caps.stages, 'staging', 'promote')?.allowed,
        prod?.allowed,
        reason.length > 0,
      ];
    })
    .toEqual([true, false, true]);
  await asRole.close();

  // Who can promote to staging now names the role and the group; production does not.
  await access.goto('?tab=promote&stage=staging');
  const promoters = page.getByRole('table', { name: 'Roles that may promote to staging' });
  await expect(promoters.getByRole('row', { name: /qa-promoters.*groups: qa/ })).toBeVisible();
  await access.goto('?tab=promote&stage=production');
  await expect(page.getByRole('link', { name: 'qa-promoters' })).toHaveCount(0);
});

test('editing a role keeps a claim and a rule Wharf has no special knowledge of', async ({
  page,
}) => {
  await kubectl(
    ['apply', '-f', '-'],
    `apiVersion: v1
kind: ServiceAccount
metadata:
  name: payments
  namespace: ${project}
  annotations:
    rbac.kargo.akuity.io/managed: "true"
    rbac.kargo.akuity.io/claims: '{"department":["payments"],"groups":["devs"]}'
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: payments, namespace: ${project}, annotations: {rbac.kargo.akuity.io/managed: "true"}}
rules:
- apiGroups: [kargo.akuity.io]
  resources: [stages]
  verbs: [get, list]
- apiGroups: [apps]
  resources: [deployments]
  verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: payments, namespace: ${project}, annotations: {rbac.kargo.akuity.io/managed: "true"}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: payments}
subjects: [{kind: ServiceAccount, name: payments, namespace: ${project}}]
`,
  );
  const access = new AccessPage(page, project);
  await access.gotoRole('payments');
  const groups = page.getByRole('textbox', { name: 'Claim 2 values' });
  await expect(groups).toHaveValue('devs');
  await groups.fill('devs, qa');
  await page.getByRole('textbox', { name: 'Description' }).fill('Payments team');
  // A rule outside Kargo's kinds is shown as kept, and a new rule is added beside it.
  await expect(page.getByText('get on deployments.apps')).toBeVisible();
  await page.getByRole('button', { name: 'Add permission' }).click();
  await access.choose('Rule 2 resource', ['promotions (Promotion)']);
  await access.choose('Rule 2 verbs', ['create'], true);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();

  const sa = await kubectlJson<Meta>(['get', 'serviceaccount', 'payments', '-n', project]);
  const claims: unknown = JSON.parse(
    sa.metadata.annotations?.['rbac.kargo.akuity.io/claims'] ?? '{}',
  );
  expect(claims).toEqual({ department: ['payments'], groups: ['devs', 'qa'] });
  expect(sa.metadata.annotations?.['kargo.akuity.io/description']).toBe('Payments team');
  const role = await kubectlJson<RoleJson>(['get', 'role', 'payments', '-n', project]);
  expect(role.rules).toEqual(
    expect.arrayContaining([
      { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] },
      { apiGroups: ['kargo.akuity.io'], resources: ['promotions'], verbs: ['create'] },
      { apiGroups: ['kargo.akuity.io'], resources: ['stages'], verbs: ['get', 'list'] },
    ]),
  );
});

test('granting a role to a group from the table previews the change, then applies it', async ({
  page,
}) => {
  const access = new AccessPage(page, project);
  await access.goto('?q=kargo-viewer');
  await access
    .row('kargo-viewer')
    .getByRole('button', { name: 'Grant or revoke kargo-viewer' })
    .click();
  const dialog = page.getByRole('dialog', { name: 'Grant or revoke: role kargo-viewer' });
  await dialog.getByRole('textbox', { name: 'Value' }).fill('auditors');
  const preview = dialog.getByRole('region', { name: 'Resulting change' });
  await expect(
    preview.getByRole('listitem').filter({ hasText: /groups: .*auditors.*\(added\)/ }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await expect(access.row('kargo-viewer')).toContainText('groups: auditors');
  const sa = await kubectlJson<Meta>(['get', 'serviceaccount', 'kargo-viewer', '-n', project]);
  expect(sa.metadata.annotations?.['rbac.kargo.akuity.io/claims']).toContain('auditors');
});

test('a user who lacks a permission cannot grant it: the escalation guard says what is missing', async ({
  page,
}) => {
  // Manages roles, but may not promote anywhere.
  await kubectl(
    ['apply', '-f', '-'],
    `apiVersion: v1
kind: ServiceAccount
metadata: {name: role-manager, namespace: ${project}}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: role-manager, namespace: ${project}}
rules:
- apiGroups: [""]
  resources: [serviceaccounts]
  verbs: ["*"]
- apiGroups: [rbac.authorization.k8s.io]
  resources: [roles, rolebindings]
  verbs: ["*"]
- apiGroups: [kargo.akuity.io]
  resources: [stages, freights, warehouses, promotions, projectconfigs, promotiontasks]
  verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: role-manager, namespace: ${project}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: role-manager}
subjects: [{kind: ServiceAccount, name: role-manager, namespace: ${project}}]
`,
  );
  const token = await kubectl(['create', 'token', 'role-manager', '-n', project]);
  await page.context().clearCookies();
  await signInWithToken(page, token.trim());
  const access = new AccessPage(page, project);
  await access.goto();
  await access.createRole({
    name: 'sneaky',
    claims: [['groups', 'me']],
    promoterFor: ['production'],
  });
  await expect(access.alert()).toContainText(
    'You cannot grant permissions you do not hold yourself',
  );
  await expect(access.alert()).toContainText('promote stages');
  await expect(kubectl(['get', 'serviceaccount', 'sneaky', '-n', project])).rejects.toThrow();
});

test('letting a role promote to a stage and stopping it each preview the change; a kubectl edit shows without reload', async ({
  page,
}) => {
  await kubectl(
    ['apply', '-f', '-'],
    `apiVersion: v1
kind: ServiceAccount
metadata:
  name: deployers
  namespace: ${project}
  annotations: {rbac.kargo.akuity.io/managed: "true", rbac.kargo.akuity.io/claims: '{"groups":["deployers"]}'}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: {name: deployers, namespace: ${project}, annotations: {rbac.kargo.akuity.io/managed: "true"}}
rules:
- apiGroups: [kargo.akuity.io]
  resources: [stages]
  verbs: [get, list, watch]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata: {name: deployers, namespace: ${project}, annotations: {rbac.kargo.akuity.io/managed: "true"}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: deployers}
subjects: [{kind: ServiceAccount, name: deployers, namespace: ${project}}]
`,
  );
  const access = new AccessPage(page, project);
  const rules = async () =>
    (await kubectlJson<RoleJson>(['get', 'role', 'deployers', '-n', project])).rules;
  const grant = async (change: string) => {
    await access
      .row('deployers')
      .getByRole('button', { name: 'Grant or revoke deployers' })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Grant or revoke: role deployers' });
    await access.choose('Change', [change]);
    await access.choose('Stage', ['staging']);
    return dialog;
  };
  await access.goto();

  let dialog = await grant('Let this role promote to a stage');
  await expect(
    dialog.getByRole('listitem').filter({ hasText: /promote: stages "staging".*\(added\)/ }),
  ).toBeVisible();
  await expect(dialog).toContainText('Promoting also needs "create" on promotions');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  expect(await rules()).toEqual(
    expect.arrayContaining([
      {
        apiGroups: ['kargo.akuity.io'],
        resources: ['stages'],
        resourceNames: ['staging'],
        verbs: ['promote'],
      },
      { apiGroups: ['kargo.akuity.io'], resources: ['promotions'], verbs: ['create'] },
    ]),
  );

  dialog = await grant('Stop this role promoting to a stage');
  await expect(
    dialog.getByRole('listitem').filter({ hasText: /promote: stages "staging".*\(removed\)/ }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  expect((await rules()).some((r) => r.verbs.includes('promote'))).toBe(false);

  // Another admin maps a second group with kubectl: the table shows it without a reload.
  await kubectl([
    'annotate',
    'serviceaccount',
    'deployers',
    '-n',
    project,
    '--overwrite',
    'rbac.kargo.akuity.io/claims={"groups":["deployers","night-shift"]}',
  ]);
  await expect(access.row('deployers')).toContainText('groups: night-shift');
});
