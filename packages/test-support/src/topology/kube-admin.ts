import { readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:https';
import { parse, stringify } from 'yaml';
import { run } from '../processes.js';

interface KubeconfigFile {
  clusters: { name: string; cluster: { server: string; 'certificate-authority-data'?: string } }[];
  users: { name: string; user: { token?: string } }[];
}

/** The cluster as its admin sees it: kubectl with the admin kubeconfig, and raw JSON requests. */
export class KubeAdmin {
  private constructor(
    readonly kubeconfigPath: string,
    readonly server: string,
    private readonly ca: string,
    private readonly adminToken: string,
  ) {}

  static async load(kubeconfigPath: string): Promise<KubeAdmin> {
    const kc = parse(await readFile(kubeconfigPath, 'utf8')) as KubeconfigFile;
    const cluster = kc.clusters[0]?.cluster;
    const token = kc.users[0]?.user.token;
    if (!cluster?.['certificate-authority-data'] || !token)
      throw new Error(`${kubeconfigPath} has no CA data or token`);
    const ca = Buffer.from(cluster['certificate-authority-data'], 'base64').toString('utf8');
    return new KubeAdmin(kubeconfigPath, cluster.server, ca, token);
  }

  /** Real kubectl as the admin. */
  async kubectl(args: string[], input?: string): Promise<string> {
    const child = run('kubectl', ['--kubeconfig', this.kubeconfigPath, ...args], {
      maxBuffer: 16 * 1024 * 1024,
    });
    if (input !== undefined) child.child.stdin?.end(input);
    return (await child).stdout;
  }

  /** One JSON request as the admin; rejects on a non-2xx answer with Kubernetes' message. */
  request(method: string, path: string, body?: unknown, contentType = 'application/json') {
    return new Promise<unknown>((resolve, reject) => {
      const req = request(
        new URL(path, this.server),
        {
          method,
          ca: this.ca,
          headers: {
            authorization: `Bearer ${this.adminToken}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': contentType }),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            const json = /json/.test(String(res.headers['content-type']));
            if (status < 200 || status >= 300)
              reject(new Error(`${method} ${path}: ${status} ${text.slice(0, 400)}`));
            else if (!json) resolve(text);
            else
              try {
                resolve(JSON.parse(text) as unknown);
              } catch (err) {
                reject(err instanceof Error ? err : new Error(String(err)));
              }
          });
        },
      );
      req.on('error', reject);
      req.end(body === undefined ? undefined : JSON.stringify(body));
    });
  }

  /** Creates an object, then writes its status through the status subresource, as a controller would. */
  async createWithStatus(
    collection: string,
    obj: { metadata: { name: string }; status?: unknown },
  ) {
    const { status, ...rest } = obj;
    await this.request('POST', collection, rest);
    if (status !== undefined) {
      await this.request(
        'PATCH',
        `${collection}/${encodeURIComponent(obj.metadata.name)}/status`,
        { status },
        'application/merge-patch+json',
      );
    }
  }

  /** A kubeconfig for the same cluster acting with `token` (a ServiceAccount's, say). */
  async writeKubeconfig(path: string, user: string, token: string): Promise<void> {
    const kc = {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'cluster',
          cluster: {
            server: this.server,
            'certificate-authority-data': Buffer.from(this.ca).toString('base64'),
          },
        },
      ],
      users: [{ name: user, user: { token } }],
      contexts: [{ name: user, context: { cluster: 'cluster', user } }],
      'current-context': user,
    };
    await writeFile(path, stringify(kc), { mode: 0o600 });
  }

  /** A token of ServiceAccount `ns/name`, as `kubectl create token` makes it. */
  async token(ns: string, name: string): Promise<string> {
    return (await this.kubectl(['create', 'token', name, '-n', ns, '--duration', '24h'])).trim();
  }
}
