// One valid object per Kargo kind, as a user would apply it.
const meta = (name: string, namespace?: string) => ({ name, ...(namespace ? { namespace } : {}) });
const v1 = 'kargo.akuity.io/v1alpha1';

export function validKargoObjects(): Record<string, Record<string, unknown>> {
  return {
    Project: { apiVersion: v1, kind: 'Project', metadata: meta('demo') },
    ProjectConfig: {
      apiVersion: v1,
      kind: 'ProjectConfig',
      metadata: meta('demo', 'demo'),
      spec: {
        promotionPolicies: [
          { stage: 'test', autoPromotionEnabled: true },
          {
            stageSelector: { matchLabels: { tier: 'dev' } },
            autoRollback: { onPromotion: ['Failed', 'Errored'] },
          },
        ],
      },
    },
    ClusterConfig: {
      apiVersion: v1,
      kind: 'ClusterConfig',
      metadata: meta('cluster'),
      spec: { gitClient: { name: 'Kargo', email: 'kargo@example.com' } },
    },
    Warehouse: {
      apiVersion: v1,
      kind: 'Warehouse',
      metadata: meta('w', 'demo'),
      spec: {
        subscriptions: [
          { image: { repoURL: 'public.ecr.aws/nginx/nginx', constraint: '^1.26.0' } },
        ],
      },
    },
    Freight: {
      apiVersion: v1,
      kind: 'Freight',
      metadata: meta('f0123456789abcdef', 'demo'),
      alias: 'wonky-wombat',
      origin: { kind: 'Warehouse', name: 'w' },
      images: [{ repoURL: 'public.ecr.aws/nginx/nginx', tag: '1.27.0', digest: 'sha256:abc' }],
    },
    Stage: {
      apiVersion: v1,
      kind: 'Stage',
      metadata: meta('test', 'demo'),
      spec: {
        requestedFreight: [{ origin: { kind: 'Warehouse', name: 'w' }, sources: { direct: true } }],
        promotionTemplate: {
          spec: {
            vars: [{ name: 'gitRepo', value: 'https://github.com/example/repo.git' }],
            steps: [
              {
                uses: 'git-clone',
                config: {
                  repoURL: '${{ vars.gitRepo }}',
                  checkout: [{ branch: 'main', path: './src' }],
                },
              },
              { task: { name: 'deploy' }, as: 'deploy' },
            ],
          },
        },
      },
    },
    Promotion: {
      apiVersion: v1,
      kind: 'Promotion',
      metadata: meta('test.01abc', 'demo'),
      spec: {
        stage: 'test',
        freight: 'f0123456789abcdef',
        steps: [{ uses: 'git-clone', config: { a: 1 } }],
      },
    },
    PromotionTask: {
      apiVersion: v1,
      kind: 'PromotionTask',
      metadata: meta('deploy', 'demo'),
      spec: {
        vars: [{ name: 'image' }],
        steps: [
          { uses: 'kustomize-set-image', config: { images: [{ image: '${{ vars.image }}' }] } },
        ],
      },
    },
    ClusterPromotionTask: {
      apiVersion: v1,
      kind: 'ClusterPromotionTask',
      metadata: meta('deploy'),
      spec: { steps: [{ uses: 'argocd-update' }] },
    },
  };
}
