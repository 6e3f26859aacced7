import { expect, type Page } from '@playwright/test';
import { signInWithToken } from '../pages/access-kube.js';
import { kubectl } from '../support/kube.js';
import { test } from '../support/kargo-test.js';

const stageJson = async (project: string, name: string) =>
  JSON.parse(await kubectl(['get', 'stage', name, '-n', project, '-o', 'json'])) as {
    metadata: { annotations: Record<string, string> };
    spec: { verification?: unknown };
  };

/** Replaces the YAML editor's whole text, as a person pasting a manifest would. */
async function replaceYaml(page: Page, edit: (text: string) => string) {
  const editor = page.getByRole('textbox', { name: 'Manifest' });
  const text = await editor.innerText();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(edit(text));
}

test('a YAML edit of a stage keeps a field and an annotation the form does not know', async ({
  page,
  fixture,
}) => {
  await kubectl([
    'patch',
    'stage',
    'test',
    '-n',
    fixture.name,
    '--type=merge',
    '-p',
    JSON.stringify({
      metadata: { annotations: { 'example.com/owner': 'team-x' } },
      spec: { verification: { analysisRunMetadata: { labels: { tier: 'gold' } } } },
    }),
  ]);
  await page.goto(`/projects/${fixture.name}/edit/stages/test?mode=yaml`);
  await expect(page.getByRole('textbox', { name: 'Manifest' })).toContainText('team-x');
  await replaceYaml(page, (t) => t.replace('#1565c0', '#6a1b9a'));
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Stage test', exact: true })).toBeVisible();
  const stored = await stageJson(fixture.name, 'test');
  expect(stored.metadata.annotations).toMatchObject({
    'example.com/owner': 'team-x',
    'kargo.akuity.io/color': '#6a1b9a',
  });
  expect(stored.spec.verification).toEqual({ analysisRunMetadata: { labels: { tier: 'gold' } } });
});

test("another writer's change is a conflict shown as a diff, never overwritten; bad YAML and schema violations get Kubernetes' message on the line", async ({
  page,
  fixture,
}) => {
  await page.goto(`/projects/${fixture.name}/edit/stages/prod`);
  await expect(page.getByLabel('Stage name')).toHaveValue('prod');
  // Meanwhile, kubectl changes the colour.
  await kubectl([
    'annotate',
    'stage',
    'prod',
    '-n',
    fixture.name,
    '--overwrite',
    'kargo.akuity.io/color=#e65100',
  ]);
  await page.getByRole('radio', { name: 'Red' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  const conflict = page.getByRole('alert').filter({ hasText: 'someone changed this object' });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByLabel('Their version against yours')).toContainText('#e65100');
  await expect(
    conflict.getByRole('button', { name: 'Apply my changes onto theirs' }),
  ).toBeDisabled();
  expect(
    (await stageJson(fixture.name, 'prod')).metadata.annotations['kargo.akuity.io/color'],
  ).toBe('#e65100');

  await conflict.getByRole('button', { name: 'Discard mine, load theirs' }).click();
  await page.getByRole('tab', { name: 'YAML' }).click();
  await replaceYaml(page, (t) => t.replace(/\n(\s*)name: prod/, '\n\tname: prod'));
  await page.getByRole('button', { name: 'Validate' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'Kubernetes refused it' });
  await expect(refused).toContainText(/line 4/);
  await expect(page.locator('.cm-lint-marker-error').first()).toBeVisible();

  // A whole manifest pasted over it: valid YAML, but Kubernetes' schema wants at least one request.
  await replaceYaml(
    page,
    (t) => `apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata:
  name: prod
  namespace: ${fixture.name}
  resourceVersion: "${/resourceVersion: "?(\d+)/.exec(t)?.[1] ?? ''}"
spec:
  requestedFreight: []
`,
  );
  await page.getByRole('button', { name: 'Validate' }).click();
  await expect(refused.getByRole('list', { name: 'Refused fields' })).toContainText(
    'spec.requestedFreight',
  );
  await expect(refused).toContainText('(line 8)');
});

test('a viewer sees every authoring control disabled, with the reason', async ({
  page,
  fixture,
}) => {
  await page.context().clearCookies();
  const token = await kubectl(['create', 'token', 'kargo-viewer', '-n', fixture.name]);
  await signInWithToken(page, token.trim());
  const why = async (button: ReturnType<Page['getByRole']>) => {
    await expect(button).toBeDisabled();
    await button.locator('..').hover();
    await expect(page.getByRole('tooltip')).toContainText(/does not allow|may not/);
    await page.mouse.move(0, 0);
    // The next hover must not find this tooltip still fading out.
    await expect(page.getByRole('tooltip')).toHaveCount(0);
  };
  await page.goto(`/projects/${fixture.name}`);
  await why(page.getByRole('button', { name: 'New warehouse' }));
  await why(page.getByRole('button', { name: 'New stage' }));
  await page.getByRole('button', { name: 'Open stage test' }).click();
  await why(page.getByRole('button', { name: 'Edit', exact: true }));
  await why(page.getByRole('button', { name: 'Delete', exact: true }));

  await page.goto(`/projects/${fixture.name}/edit/stages/test`);
  await expect(page.getByText(/^Read-only: /)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  await page.goto(`/projects/${fixture.name}/settings?tab=credentials`);
  await why(page.getByRole('button', { name: 'Add credential' }));
  await expect(page.getByText(/does not allow.*list.*secrets/)).toBeVisible();
  await page.goto(`/projects/${fixture.name}/settings?tab=danger`);
  await why(page.getByRole('button', { name: `Delete project ${fixture.name}` }));
  await page.goto('/projects/new?step=5');
  await expect(page.getByText(/does not allow.*create.*projects/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create project' })).toBeDisabled();
});
