import { kubectl } from './kube.js';

interface FreightObject {
  metadata: { name: string };
  alias?: string;
  origin: { name: string };
  images?: { repoURL?: string; tag?: string; digest?: string }[];
  status?: { currentlyIn?: Record<string, unknown> };
}

/** Freight of a project as Kubernetes holds them. */
export async function freightOf(project: string): Promise<FreightObject[]> {
  return (
    JSON.parse(await kubectl(['get', 'freight', '-n', project, '-o', 'json'])) as {
      items: FreightObject[];
    }
  ).items;
}

/** The Freight carrying an image tag (undefined until the warehouse or a person made it). */
export async function freightWithTag(
  project: string,
  tag: string,
): Promise<FreightObject | undefined> {
  return (await freightOf(project)).find((f) => f.images?.some((i) => i.tag === tag));
}

/**
 * The echo-server story on a real registry and a real git server: a warehouse subscribed to the
 * image, and development → staging → production each writing `image.tag` into
 * `app/<stage>.yaml` of the GitOps repository over https.
 */
export function imageStoryManifest(o: {
  project: string;
  image: string;
  gitopsRepo: string;
  gitUser: string;
  gitPassword: string;
}): string {
  const stage = (name: string, sources: string) => `---
apiVersion: kargo.akuity.io/v1alpha1
kind: Stage
metadata: {name: ${name}, namespace: ${o.project}}
spec:
  requestedFreight:
  - origin: {kind: Warehouse, name: echo-server}
    sources: ${sources}
  promotionTemplate:
    spec:
      vars:
      - {name: image, value: "${o.image}"}
      steps:
      - uses: git-clone
        config:
          repoURL: ${o.gitopsRepo}
          insecureSkipTLSVerify: true
          checkout: [{branch: main, path: ./out}]
      - uses: yaml-update
        config:
          path: ./out/app/\${{ ctx.stage }}.yaml
          updates: [{key: image.tag, value: "\${{ imageFrom(vars.image).Tag }}"}]
      - uses: git-commit
        config: {path: ./out, message: "Promote \${{ imageFrom(vars.image).Tag }} to \${{ ctx.stage }}"}
      - uses: git-push
        config: {path: ./out}
`;
  return `apiVersion: v1
kind: Namespace
metadata: {name: ${o.project}, labels: {kargo.akuity.io/project: "true"}}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Project
metadata: {name: ${o.project}}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: ProjectConfig
metadata: {name: ${o.project}, namespace: ${o.project}}
spec:
  promotionPolicies:
  - stageSelector: {name: development}
    autoPromotionEnabled: true
---
apiVersion: v1
kind: Secret
metadata:
  name: gitops
  namespace: ${o.project}
  labels: {kargo.akuity.io/cred-type: git}
stringData: {repoURL: "${o.gitopsRepo}", username: "${o.gitUser}", password: "${o.gitPassword}"}
---
apiVersion: kargo.akuity.io/v1alpha1
kind: Warehouse
metadata: {name: echo-server, namespace: ${o.project}}
spec:
  interval: 5m0s
  subscriptions:
  - image: {repoURL: "${o.image}", discoveryLimit: 3, insecureSkipTLSVerify: true}
${stage('development', '{direct: true}')}${stage('staging', '{stages: [development]}')}${stage('production', '{stages: [staging]}')}`;
}
