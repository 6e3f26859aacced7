// Public contract types shared with the BFF and the embedded controller.
export interface ApiServerOptions {
  dataDir: string;
  /** 0 = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  crdDirs?: string[];
  kubeconfigOut?: string;
  /** How many past watch events a watch may resume from before answering 410 Gone. */
  watchWindow?: number;
  /** Interval between watch BOOKMARK events, in milliseconds. */
  bookmarkIntervalMs?: number;
}

export interface RunningApiServer {
  url: string;
  port: number;
  caPem: string;
  adminToken: string;
  kubeconfigYaml(user?: { name: string; token: string }): string;
  addAdmissionHook(hook: AdmissionHook): void;
  close(): Promise<void>;
}

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
