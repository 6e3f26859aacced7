// The embedded API server's admission hook contract, imported as types only: the controller needs
// no runtime code from the API server, just the shapes it calls hooks with.
import type { RunningApiServer } from '@wharf/apiserver';

export type {
  AdmissionHook,
  AdmissionRequest,
  AdmissionResponse,
  AdmissionUser,
} from '@wharf/apiserver';

/** What the controller needs of the API server it runs beside. */
export type AdmissionHost = Pick<
  RunningApiServer,
  'url' | 'caPem' | 'adminToken' | 'addAdmissionHook'
>;
