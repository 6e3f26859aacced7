export { startGitServer, type GitServer } from './git-server.js';
export { packageChart, startHelmRepo, type HelmRepo } from './helm-repo.js';
export { startRegistry, type ImageSpec, type OciRegistry } from './oci-registry.js';
export { selfSignedCert, type SelfSignedCert } from './tls.js';
export { freePort, startDaemon, stopDaemon, waitUntil } from './processes.js';
