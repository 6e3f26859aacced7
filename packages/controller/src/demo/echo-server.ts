import { localGitURL } from '../git/local-host.js';
import type { Files } from './git-seed.js';
import type { DemoProject } from './demo-types.js';

const IMAGE = 'ghcr.io/wharf-demo/echo-server';

export const echoServerAppFiles = (version: string): Files => ({
  VERSION: `${version}\n`,
  'main.go':
    'package main\n\n// echo-server answers every request with what it received.\nfunc main() {}\n',
});

function stageFiles(stage: string, replicas: number): Files {
  return {
    [`stages/${stage}/kustomization.yaml`]: `resources:\n  - ../base\nimages:\n  - name: ${IMAGE}\n    newTag: v0.0.0\n`,
    [`stages/${stage}/config.yaml`]: `stage: ${stage}\nreplicas: ${replicas}\nversion: none\n`,
  };
}

export const echoServerGitopsFiles = (): Files => ({
  'base/deployment.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: echo-server\nspec:\n  template:\n    spec:\n      containers:\n        - name: echo-server\n          image: ${IMAGE}\n`,
  'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  ...stageFiles('development', 1),
  ...stageFiles('staging', 2),
  ...stageFiles('production', 3),
});

/** The steps every echo-server Stage runs: render its stage folder onto branch `stage/<name>`. */
export function echoServerSteps() {
  return [
    {
      uses: 'git-clone',
      config: {
        repoURL: '${{ vars.gitopsRepo }}',
        checkout: [
          { branch: 'main', path: './src' },
          { branch: 'stage/${{ ctx.stage }}', create: true, path: './out' },
        ],
      },
    },
    { uses: 'git-clear', config: { path: './out' } },
    { uses: 'copy', config: { inPath: './src/base', outPath: './out/base' } },
    { uses: 'copy', config: { inPath: './src/stages/${{ ctx.stage }}', outPath: './out/stage' } },
    {
      uses: 'kustomize-set-image',
      as: 'set-image',
      config: {
        path: './out/stage',
        images: [{ image: IMAGE, tag: '${{ commitFrom(vars.appRepo).Tag }}' }],
      },
    },
    {
      uses: 'yaml-update',
      config: {
        path: './out/stage/config.yaml',
        updates: [{ key: 'version', value: '${{ commitFrom(vars.appRepo).Tag }}' }],
      },
    },
    {
      uses: 'git-commit',
      as: 'commit',
      config: {
        path: './out',
        message: 'Promote echo-server ${{ commitFrom(vars.appRepo).Tag }} to ${{ ctx.stage }}',
      },
    },
    { uses: 'git-push', as: 'push', config: { path: './out' } },
    {
      uses: 'compose-output',
      as: 'result',
      config: { commit: '${{ outputs.commit.commit }}', branch: '${{ outputs.push.branch }}' },
    },
  ];
}

/** Kargo's echo-server walkthrough, on local repositories: development → staging → production. */
export function echoServerProject(): DemoProject {
  const appRepo = localGitURL('echo-server-app');
  const gitopsRepo = localGitURL('echo-server-gitops.git');
  const vars = [
    { name: 'appRepo', value: appRepo },
    { name: 'gitopsRepo', value: gitopsRepo },
  ];
  const stage = (name: string, sources: Record<string, unknown>, color: string) => ({
    metadata: { name, annotations: { 'kargo.akuity.io/color': color } },
    spec: {
      requestedFreight: [{ origin: { kind: 'Warehouse', name: 'echo-server' }, sources }],
      promotionTemplate: { spec: { vars, steps: echoServerSteps() } },
    },
  });
  return {
    name: 'echo-server',
    repos: [
      { dir: 'echo-server-app', files: echoServerAppFiles('v1.0.0'), tag: 'v1.0.0' },
      { dir: 'echo-server-gitops.git', files: echoServerGitopsFiles(), bare: true },
    ],
    config: {
      promotionPolicies: [{ stageSelector: { name: 'development' }, autoPromotionEnabled: true }],
    },
    warehouses: [
      {
        metadata: { name: 'echo-server' },
        spec: {
          interval: '1m0s',
          subscriptions: [
            { git: { repoURL: appRepo, commitSelectionStrategy: 'SemVer', discoveryLimit: 10 } },
          ],
        },
      },
    ],
    tasks: [],
    stages: [
      stage('development', { direct: true }, '#4caf50'),
      stage('staging', { stages: ['development'] }, '#ff9800'),
      stage('production', { stages: ['staging'] }, '#f44336'),
    ],
  };
}

/**
 * With WHARF_DEMO_IMAGE set: a warehouse in the echo-server project subscribed to that image
 * repository, so a connected laptop shows images arriving as freight (semver tags, newest 5).
 */
export function echoServerImageWarehouse(repoURL: string) {
  // A registry on this very machine usually has a self-signed certificate: trust the laptop's own.
  const local = /^(localhost|127\.\d+\.\d+\.\d+)(:\d+)?\//.test(repoURL);
  return {
    metadata: { name: 'echo-server-image', namespace: 'echo-server' },
    spec: {
      interval: '5m0s',
      subscriptions: [
        {
          image: { repoURL, discoveryLimit: 5, ...(local ? { insecureSkipTLSVerify: true } : {}) },
        },
      ],
    },
  };
}
