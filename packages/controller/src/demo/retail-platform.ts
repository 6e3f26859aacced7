import { localGitURL } from '../git/local-host.js';
import type { DemoObject, DemoProject } from './demo-types.js';

const SERVICES = ['storefront', 'checkout', 'catalog'] as const;
const REGIONS = ['prod-us-east', 'prod-eu-west', 'prod-ap-south'] as const;

const origin = (name: string) => ({ kind: 'Warehouse', name });

/**
 * A wider pipeline for the graph: three warehouses, an integration Stage taking all three,
 * QA, a control-flow release gate (no steps), and fan-out to three regions. Every Stage with
 * steps runs the `update-env` PromotionTask, which records the promoted service's version in
 * versions.yaml on branch `env/<stage>`.
 */
export function retailPlatformProject(): DemoProject {
  const repo = (s: string) => localGitURL(`retail-${s}`);
  const gitopsRepo = localGitURL('retail-gitops.git');
  const withTask = {
    promotionTemplate: {
      spec: {
        steps: [
          {
            task: { name: 'update-env' },
            as: 'env',
            vars: [
              { name: 'gitopsRepo', value: gitopsRepo },
              { name: 'repoPrefix', value: repo('') },
            ],
          },
        ],
      },
    },
  };
  const all = (sources: Record<string, unknown>) =>
    SERVICES.map((s) => ({ origin: origin(s), sources }));
  const stage = (name: string, spec: Record<string, unknown>): DemoObject => ({
    metadata: { name },
    spec,
  });
  return {
    name: 'retail-platform',
    repos: [
      ...SERVICES.map((s) => ({
        dir: `retail-${s}`,
        files: { VERSION: 'v0.1.0\n', 'README.md': `# ${s}\n` },
        tag: 'v0.1.0',
      })),
      {
        dir: 'retail-gitops.git',
        files: { 'versions.yaml': SERVICES.map((s) => `${s}: none`).join('\n') + '\n' },
        bare: true,
        branches: ['integration', 'qa', ...REGIONS].map((s) => `env/${s}`),
      },
    ],
    config: {
      promotionPolicies: [{ stageSelector: { name: 'integration' }, autoPromotionEnabled: true }],
    },
    warehouses: SERVICES.map((s) => ({
      metadata: { name: s },
      spec: {
        interval: '5m0s',
        subscriptions: [{ git: { repoURL: repo(s), commitSelectionStrategy: 'SemVer' } }],
      },
    })),
    tasks: [
      {
        metadata: { name: 'update-env' },
        spec: {
          vars: [{ name: 'gitopsRepo' }, { name: 'repoPrefix' }],
          steps: [
            {
              uses: 'git-clone',
              config: {
                repoURL: '${{ vars.gitopsRepo }}',
                checkout: [{ branch: 'env/${{ ctx.stage }}', path: './out' }],
              },
            },
            {
              uses: 'yaml-update',
              config: {
                path: './out/versions.yaml',
                updates: [
                  {
                    key: '${{ ctx.targetFreight.origin.name }}',
                    value: '${{ commitFrom(vars.repoPrefix + ctx.targetFreight.origin.name).Tag }}',
                  },
                ],
              },
            },
            {
              uses: 'git-commit',
              as: 'commit',
              config: {
                path: './out',
                message: 'Update ${{ ctx.targetFreight.origin.name }} in ${{ ctx.stage }}',
              },
            },
            { uses: 'git-push', config: { path: './out' } },
            { uses: 'compose-output', config: { commit: '${{ task.outputs.commit.commit }}' } },
          ],
        },
      },
    ],
    stages: [
      stage('integration', { requestedFreight: all({ direct: true }), ...withTask }),
      stage('qa', { requestedFreight: all({ stages: ['integration'] }), ...withTask }),
      stage('release-gate', { requestedFreight: all({ stages: ['qa'] }) }),
      ...REGIONS.map((r) =>
        stage(r, { requestedFreight: all({ stages: ['release-gate'] }), ...withTask }),
      ),
    ],
  };
}
