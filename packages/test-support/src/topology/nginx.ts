import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { requireBinary, startDaemon, stopDaemon, waitUntil } from '../processes.js';
import { httpsRequest } from '../https-request.js';
import type { SelfSignedCert } from '../tls.js';

export interface Nginx {
  port: number;
  stop(): Promise<void>;
}

/**
 * nginx as a production Ingress would be set up in front of Wharf: TLS ends here, `location
 * <path>/` passes paths unchanged to the replicas round-robin (no stickiness), websockets are
 * upgraded, and X-Forwarded-For/-Proto/-Host say who asked and how. Each answer names the replica
 * that served it in `x-upstream`, so tests can see requests alternate. Runs unprivileged, in the
 * foreground, with its own prefix and config in `dir`.
 */
export async function startNginx(opts: {
  dir: string;
  port: number;
  path: string;
  upstreams: number[];
  cert: SelfSignedCert;
}): Promise<Nginx> {
  const nginx = await requireBinary('nginx', 'nginx');
  const prefix = join(opts.dir, 'nginx');
  await mkdir(join(prefix, 'logs'), { recursive: true });
  const conf = join(prefix, 'nginx.conf');
  const temp = (name: string) => `${name}_temp_path ${join(prefix, name)};`;
  await writeFile(
    conf,
    `daemon off;
master_process off;
worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 512; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  upstream wharf {
    ${opts.upstreams.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n    ')}
  }
  server {
    listen 127.0.0.1:${opts.port} ssl;
    ssl_certificate ${opts.cert.certPath};
    ssl_certificate_key ${opts.cert.keyPath};
    location ${opts.path}/ {
      proxy_pass http://wharf;
      proxy_http_version 1.1;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_read_timeout 1h;
      add_header x-upstream $upstream_addr always;
    }
  }
}
`,
  );
  const daemon = startDaemon(nginx, ['-p', prefix, '-c', conf, '-e', 'stderr']);
  await waitUntil(
    'nginx to listen',
    async () => (await httpsRequest(`https://127.0.0.1:${opts.port}/`)).status > 0,
    daemon,
  );
  return { port: opts.port, stop: () => stopDaemon(daemon) };
}
