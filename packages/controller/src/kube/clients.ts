import { Agent } from 'node:https';
import {
  ApiextensionsV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  RbacAuthorizationV1Api,
  type RequestContext,
} from '@kubernetes/client-node';

export interface ClusterAccess {
  url: string;
  caPem: string;
  token: string;
}

export interface KubeClients {
  kc: KubeConfig;
  core: CoreV1Api;
  custom: CustomObjectsApi;
  rbac: RbacAuthorizationV1Api;
  authz: AuthorizationV1Api;
  apiext: ApiextensionsV1Api;
  /** Closes the kept-alive connections. */
  close(): void;
}

/**
 * client-node gives every API call a new https.Agent, so every call opens a connection and does a
 * TLS handshake (most of the controller's CPU at scale). One keep-alive Agent serves them all.
 * Watches keep their own connections: they set theirs through applyToFetchOptions.
 */
class KeepAliveKubeConfig extends KubeConfig {
  constructor(private readonly agent: Agent) {
    super();
  }

  override async applySecurityAuthentication(context: RequestContext): Promise<void> {
    await super.applySecurityAuthentication(context);
    context.setAgent(this.agent);
  }
}

/** Clients for the embedded API server, authenticated with a bearer token over its own CA. */
export function makeClients(access: ClusterAccess): KubeClients {
  const agent = new Agent({ keepAlive: true, ca: access.caPem, maxSockets: 16 });
  const kc = new KeepAliveKubeConfig(agent);
  kc.loadFromOptions({
    clusters: [
      {
        name: 'embedded',
        server: access.url,
        caData: Buffer.from(access.caPem).toString('base64'),
        skipTLSVerify: false,
      },
    ],
    users: [{ name: 'controller', token: access.token }],
    contexts: [{ name: 'embedded', cluster: 'embedded', user: 'controller' }],
    currentContext: 'embedded',
  });
  return {
    kc,
    core: kc.makeApiClient(CoreV1Api),
    custom: kc.makeApiClient(CustomObjectsApi),
    rbac: kc.makeApiClient(RbacAuthorizationV1Api),
    authz: kc.makeApiClient(AuthorizationV1Api),
    apiext: kc.makeApiClient(ApiextensionsV1Api),
    close: () => agent.destroy(),
  };
}

/** HTTP status of a failed client call, or undefined when it is not an API error. */
export function statusCode(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err) {
    const code = (err as { code: unknown }).code;
    return typeof code === 'number' ? code : undefined;
  }
  return undefined;
}

export const isNotFound = (err: unknown): boolean => statusCode(err) === 404;
export const isConflict = (err: unknown): boolean => statusCode(err) === 409;
