export { startGitServer, type GitServer } from './git-server.js';
export { packageChart, startHelmRepo, type HelmRepo } from './helm-repo.js';
export { startRegistry, type ImageSpec, type OciRegistry } from './oci-registry.js';
export { selfSignedCert, type SelfSignedCert } from './tls.js';
export { freePort, startDaemon, stopDaemon, waitUntil } from './processes.js';
export {
  startOidcProvider,
  wharfRedirects,
  type TestAccount,
  type TestOidcClient,
  type TestOidcProvider,
} from './oidc-provider.js';
export {
  ADMIN_PASSWORD as TOPOLOGY_ADMIN_PASSWORD,
  BASE_PATH,
  PROJECT as TOPOLOGY_PROJECT,
  ProductionTopology,
  USERS as TOPOLOGY_USERS,
  type TopologyOptions,
  type UserName,
} from './topology/production-topology.js';
export { TopologyClient, type ClientAnswer } from './topology/client.js';
export { KubeAdmin } from './topology/kube-admin.js';
export { HAVE_KARGO_CRDS, NO_KARGO_CRDS, REPO_ROOT } from './topology/repo.js';
export { startCluster } from './topology/apiserver.js';
