// The embedded Kubernetes-compatible API server. See README.md in this package.
export { startApiServer } from './start.js';
export type {
  AdmissionHook,
  AdmissionRequest,
  AdmissionResponse,
  AdmissionUser,
  ApiServerOptions,
  RunningApiServer,
} from './types.js';
