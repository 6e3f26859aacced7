/**
 * Forms for Kargo's common promotion steps, declared as data: each field is a path in the step's
 * `config`. Any other step (or any field not listed) is edited as YAML; nothing unlisted is lost.
 * Field names follow Kargo v1.11's step configs.
 */
export type Column = { key: string; label: string; kind?: 'text' | 'bool' };

export type StepField =
  | { kind: 'text'; key: string; label: string; help?: string; required?: boolean }
  | { kind: 'bool'; key: string; label: string; help?: string }
  | { kind: 'number'; key: string; label: string; help?: string }
  | { kind: 'table'; key: string; label: string; columns: Column[]; help?: string }
  | { kind: 'map'; key: string; label: string; help?: string };

export interface StepSpec {
  uses: string;
  title: string;
  summary: string;
  fields: StepField[];
  /** A new step's config. */
  template: Record<string, unknown>;
}

const path = (help?: string): StepField => ({
  kind: 'text',
  key: 'path',
  label: 'Path',
  required: true,
  ...(help ? { help } : {}),
});

export const STEP_CATALOGUE: StepSpec[] = [
  {
    uses: 'git-clone',
    title: 'Clone a Git repository',
    summary: 'Checks out branches, tags or the freight’s commit into the work directory.',
    fields: [
      { kind: 'text', key: 'repoURL', label: 'Repository URL', required: true },
      {
        kind: 'table',
        key: 'checkout',
        label: 'Checkouts',
        columns: [
          { key: 'branch', label: 'Branch' },
          { key: 'path', label: 'Path' },
          { key: 'create', label: 'Create branch', kind: 'bool' },
          { key: 'fromFreight', label: 'Commit from freight', kind: 'bool' },
          { key: 'tag', label: 'Tag' },
        ],
      },
      { kind: 'bool', key: 'insecureSkipTLSVerify', label: 'Skip TLS verification' },
    ],
    template: {
      repoURL: '',
      checkout: [
        { branch: 'main', path: './src' },
        { branch: 'stage/${{ ctx.stage }}', create: true, path: './out' },
      ],
    },
  },
  {
    uses: 'git-clear',
    title: 'Clear a working tree',
    summary: 'Removes everything but .git from a checkout.',
    fields: [path()],
    template: { path: './out' },
  },
  {
    uses: 'yaml-update',
    title: 'Update YAML values',
    summary: 'Sets keys of a YAML file (e.g. an image tag in values.yaml).',
    fields: [
      path('File to change, e.g. ./out/values.yaml'),
      {
        kind: 'table',
        key: 'updates',
        label: 'Updates',
        columns: [
          { key: 'key', label: 'Key (dotted path)' },
          { key: 'value', label: 'Value' },
        ],
      },
    ],
    template: { path: './out/values.yaml', updates: [{ key: 'image.tag', value: '' }] },
  },
  {
    uses: 'kustomize-set-image',
    title: 'Set an image in Kustomize',
    summary: 'Points a kustomization at the freight’s image.',
    fields: [
      path('Directory of kustomization.yaml'),
      {
        kind: 'table',
        key: 'images',
        label: 'Images',
        columns: [
          { key: 'image', label: 'Image' },
          { key: 'tag', label: 'Tag' },
          { key: 'digest', label: 'Digest' },
          { key: 'newName', label: 'New name' },
        ],
      },
    ],
    template: { path: './src/base', images: [{ image: '' }] },
  },
  {
    uses: 'kustomize-build',
    title: 'Render with Kustomize',
    summary: 'Builds a kustomization into plain manifests.',
    fields: [path(), { kind: 'text', key: 'outPath', label: 'Output path', required: true }],
    template: { path: './src/stages/${{ ctx.stage }}', outPath: './out' },
  },
  {
    uses: 'helm-update-chart',
    title: 'Update Helm chart dependencies',
    summary: 'Sets chart dependency versions in Chart.yaml from the freight.',
    fields: [
      path('Chart directory'),
      {
        kind: 'table',
        key: 'charts',
        label: 'Charts',
        columns: [
          { key: 'repository', label: 'Repository' },
          { key: 'name', label: 'Name' },
          { key: 'version', label: 'Version' },
        ],
      },
    ],
    template: { path: './src/charts/app', charts: [{ repository: '', name: '' }] },
  },
  {
    uses: 'git-commit',
    title: 'Commit',
    summary: 'Commits the changes of a working tree.',
    fields: [path(), { kind: 'text', key: 'message', label: 'Message', required: true }],
    template: {
      path: './out',
      message: 'Promote ${{ ctx.targetFreight.name }} to ${{ ctx.stage }}',
    },
  },
  {
    uses: 'git-push',
    title: 'Push',
    summary: 'Pushes the commit to its branch, or to a generated branch for a pull request.',
    fields: [
      path(),
      { kind: 'text', key: 'targetBranch', label: 'Target branch' },
      {
        kind: 'bool',
        key: 'generateTargetBranch',
        label: 'Generate a branch (for a pull request)',
      },
    ],
    template: { path: './out' },
  },
  {
    uses: 'git-open-pr',
    title: 'Open a pull request',
    summary: 'Opens a pull request from a pushed branch.',
    fields: [
      { kind: 'text', key: 'repoURL', label: 'Repository URL', required: true },
      { kind: 'text', key: 'sourceBranch', label: 'Source branch', required: true },
      { kind: 'text', key: 'targetBranch', label: 'Target branch', required: true },
      { kind: 'text', key: 'title', label: 'Title' },
      {
        kind: 'text',
        key: 'provider',
        label: 'Provider (github, gitlab, gitea, azure, bitbucket)',
      },
      { kind: 'bool', key: 'createTargetBranch', label: 'Create the target branch' },
      { kind: 'bool', key: 'insecureSkipTLSVerify', label: 'Skip TLS verification' },
    ],
    template: { repoURL: '', sourceBranch: '${{ outputs.push.branch }}', targetBranch: 'main' },
  },
  {
    uses: 'argocd-update',
    title: 'Sync Argo CD applications',
    summary: 'Updates and syncs Argo CD Applications; their health becomes the stage’s.',
    fields: [
      {
        kind: 'table',
        key: 'apps',
        label: 'Applications',
        columns: [
          { key: 'name', label: 'Name' },
          { key: 'namespace', label: 'Namespace' },
        ],
      },
    ],
    template: { apps: [{ name: '' }] },
  },
  {
    uses: 'compose-output',
    title: 'Compose output',
    summary: 'Names values (expressions) for later steps and for the promotion’s output.',
    fields: [{ kind: 'map', key: '', label: 'Outputs (name → expression)' }],
    template: {},
  },
];

export const stepSpec = (uses: string | undefined) => STEP_CATALOGUE.find((s) => s.uses === uses);
