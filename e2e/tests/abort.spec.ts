import { kubectl } from '../support/kube.js';
import { phaseOf } from '../support/promotions.js';
import { expect, test } from '../support/kargo-test.js';

/** What Kubernetes holds for the first step of a Promotion (how often it errored so far). */
async function firstStepErrors(project: string, name: string): Promise<number> {
  const count = await kubectl([
    'get',
    'promotion',
    name,
    '-n',
    project,
    '-o',
    'jsonpath={.status.stepExecutionMetadata[0].errorCount}',
  ]);
  return Number(count || '0');
}

test('aborting a promotion whose step keeps retrying ends it Aborted, in Kubernetes and on the page', async ({
  page,
  fixture,
}) => {
  // A clone of a repository that does not exist errors on every attempt; with a high
  // errorThreshold the Promotion stays Running, retrying, until someone aborts it.
  await kubectl([
    'patch',
    'stage',
    'test',
    '-n',
    fixture.name,
    '--type=merge',
    '-p',
    JSON.stringify({
      spec: {
        promotionTemplate: {
          spec: {
            steps: [
              {
                as: 'clone',
                uses: 'git-clone',
                retry: { errorThreshold: 1000 },
                config: {
                  repoURL: 'https://git.wharf.invalid/missing',
                  checkout: [{ branch: 'main', path: 'src' }],
                },
              },
            ],
          },
        },
      },
    }),
  ]);
  const res = await page.request.post(`/api/v1/projects/${fixture.name}/stages/test/promotions`, {
    headers: { 'x-wharf-csrf': '1' },
    data: { freight: fixture.freight.new },
  });
  expect(res.status(), await res.text()).toBeLessThan(300);
  const body = (await res.json()) as { promotion?: { name?: unknown } };
  const name = body.promotion?.name;
  if (typeof name !== 'string') throw new Error(`no promotion name in ${JSON.stringify(body)}`);
  const promotion = { name };

  await page.goto(`/projects/${fixture.name}/promotions/${promotion.name}`);
  await expect(page.getByRole('heading', { name: 'Promotion to test' })).toBeVisible();
  await expect
    .poll(() => firstStepErrors(fixture.name, promotion.name), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(1);
  expect(await phaseOf(fixture.name, promotion.name)).toBe('Running');
  await expect(page.getByRole('status', { name: 'Promotion phase: Running' })).toBeVisible();
  await expect(page.getByText(/step will be retried/)).toBeVisible();

  await page.getByRole('button', { name: 'Abort', exact: true }).click();

  await expect
    .poll(() => phaseOf(fixture.name, promotion.name), { timeout: 30_000 })
    .toBe('Aborted');
  await expect(page.getByRole('status', { name: 'Promotion phase: Aborted' })).toBeVisible();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Promotion terminated by' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Abort', exact: true })).toBeHidden();
});
