// The embedded API server's admission hook contract (structurally the same as @wharf/apiserver's).
export interface AdmissionUser {
  username: string;
  uid?: string;
  groups: string[];
  extra?: Record<string, string[]>;
}
export interface AdmissionRequest {
  operation: 'CREATE' | 'UPDATE' | 'DELETE';
  group: string;
  version: string;
  kind: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  object?: Record<string, unknown>;
  oldObject?: Record<string, unknown>;
  userInfo: AdmissionUser;
  dryRun: boolean;
}
export type AdmissionResponse =
  | { allowed: true; patchedObject?: Record<string, unknown>; warnings?: string[] }
  | {
      allowed: false;
      code: number;
      reason?: string;
      message: string;
      causes?: { field: string; message: string; type?: string }[];
    };
export interface AdmissionHook {
  name: string;
  matches(req: Pick<AdmissionRequest, 'group' | 'resource' | 'subresource' | 'operation'>): boolean;
  mutate?(req: AdmissionRequest): Promise<AdmissionResponse>;
  validate?(req: AdmissionRequest): Promise<AdmissionResponse>;
}
export interface AdmissionHost {
  url: string;
  caPem: string;
  adminToken: string;
  addAdmissionHook(hook: AdmissionHook): void;
}
