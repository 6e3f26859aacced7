export { startGitServer, type GitServer } from './git-server.js';
export { selfSignedCert, type SelfSignedCert } from './tls.js';
export { freePort } from './processes.js';
