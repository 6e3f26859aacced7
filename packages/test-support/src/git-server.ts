import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { request } from 'node:https';
import { freePort, requireBinary, run, startDaemon, stopDaemon, waitUntil } from './processes.js';
import { selfSignedCert } from './tls.js';

export interface GitServer {
  /** `https://127.0.0.1:<port>/`; repositories are `<baseURL><name>.git`. */
  baseURL: string;
  username: string;
  password: string;
  /** PEM of the server's self-signed certificate. */
  certPem: string;
  /** A bare repository with `files` committed on `main`; returns its https URL. */
  createRepo(name: string, files: Record<string, string>): Promise<string>;
  /** The commit a branch points at in the served repository (undefined when it has none). */
  head(name: string, branch: string): Promise<string | undefined>;
  /** A file's content on a branch of the served repository. */
  show(name: string, branch: string, path: string): Promise<string>;
  close(): Promise<void>;
}

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@wharf.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@wharf.invalid',
};

const git = (args: string[], cwd?: string) =>
  run('git', args, { cwd, env: { ...process.env, ...GIT_ENV } }).then((r) => r.stdout);

function nginxConfig(o: {
  root: string;
  port: number;
  cert: string;
  key: string;
  socket: string;
  htpasswd: string;
  backend: string;
}): string {
  const asRoot = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `${asRoot}daemon off;
worker_processes 1;
pid ${o.root}/nginx.pid;
error_log ${o.root}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${o.root}/tmp/body;
  fastcgi_temp_path ${o.root}/tmp/fastcgi;
  proxy_temp_path ${o.root}/tmp/proxy;
  uwsgi_temp_path ${o.root}/tmp/uwsgi;
  scgi_temp_path ${o.root}/tmp/scgi;
  client_max_body_size 0;
  server {
    listen 127.0.0.1:${o.port} ssl;
    ssl_certificate ${o.cert};
    ssl_certificate_key ${o.key};
    location / {
      auth_basic "git";
      auth_basic_user_file ${o.htpasswd};
      fastcgi_pass unix:${o.socket};
      fastcgi_param SCRIPT_FILENAME ${o.backend};
      fastcgi_param GIT_PROJECT_ROOT ${o.root}/repos;
      fastcgi_param GIT_HTTP_EXPORT_ALL "";
      fastcgi_param REMOTE_USER $remote_user;
      fastcgi_param PATH_INFO $uri;
      fastcgi_param QUERY_STRING $query_string;
      fastcgi_param REQUEST_METHOD $request_method;
      fastcgi_param CONTENT_TYPE $content_type;
      fastcgi_param CONTENT_LENGTH $content_length;
      fastcgi_param HTTP_GIT_PROTOCOL $http_git_protocol;
    }
  }
}
`;
}

/** Answers once the server speaks TLS and asks for credentials. */
function asksForAuth(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      { host: '127.0.0.1', port, path: '/', rejectUnauthorized: false, timeout: 2000 },
      (res) => {
        res.resume();
        resolve(res.statusCode === 401);
      },
    );
    req.on('error', () => resolve(false));
    req.end();
  });
}

/**
 * git's own smart-HTTP server (git-http-backend) behind Debian's nginx, over TLS with a
 * self-signed certificate and basic auth: what a real forge looks like to git.
 */
export async function startGitServer(
  opts: { username?: string; password?: string } = {},
): Promise<GitServer> {
  const nginx = await requireBinary('nginx', 'nginx');
  const fcgiwrap = await requireBinary('fcgiwrap', 'fcgiwrap');
  const backend = '/usr/lib/git-core/git-http-backend';
  const username = opts.username ?? 'kargo';
  const password = opts.password ?? 'git-secret';
  const root = await mkdtemp(join(tmpdir(), 'wharf-git-server-'));
  await mkdir(join(root, 'repos'));
  await mkdir(join(root, 'tmp'));
  const tls = await selfSignedCert(root);
  const sha = createHash('sha1').update(password).digest('base64');
  await writeFile(join(root, 'htpasswd'), `${username}:{SHA}${sha}\n`);
  const socket = join(root, 'fcgi.sock');
  const port = await freePort();
  await writeFile(
    join(root, 'nginx.conf'),
    nginxConfig({
      root,
      port,
      cert: tls.certPath,
      key: tls.keyPath,
      socket,
      htpasswd: join(root, 'htpasswd'),
      backend,
    }),
  );
  const fcgi = startDaemon(fcgiwrap, ['-c', '2', '-s', `unix:${socket}`]);
  const web = startDaemon(nginx, [
    '-p',
    root,
    '-c',
    join(root, 'nginx.conf'),
    '-e',
    join(root, 'error.log'),
  ]);
  const close = async () => {
    await stopDaemon(web);
    await stopDaemon(fcgi);
    await rm(root, { recursive: true, force: true });
  };
  try {
    await waitUntil('nginx to serve git over https', () => asksForAuth(port), web);
  } catch (err) {
    await close();
    throw err;
  }
  const baseURL = `https://127.0.0.1:${port}/`;
  const repoDir = (name: string) => join(root, 'repos', `${name}.git`);
  return {
    baseURL,
    username,
    password,
    certPem: tls.certPem,
    async createRepo(name, files) {
      const work = await mkdtemp(join(tmpdir(), 'wharf-git-seed-'));
      await git(['init', '--quiet', '--initial-branch=main'], work);
      for (const [path, text] of Object.entries(files)) {
        await mkdir(dirname(join(work, path)), { recursive: true });
        await writeFile(join(work, path), text);
      }
      await git(['add', '--all'], work);
      await git(['commit', '--quiet', '-m', 'Initial commit'], work);
      await git(['clone', '--quiet', '--bare', work, repoDir(name)]);
      // git-http-backend refuses pushes to repositories that don't allow them over http.
      await git(['config', 'http.receivepack', 'true'], repoDir(name));
      await rm(work, { recursive: true, force: true });
      return `${baseURL}${name}.git`;
    },
    async head(name, branch) {
      const out = await git(
        ['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`],
        repoDir(name),
      ).catch(() => '');
      return out.trim() || undefined;
    },
    async show(name, branch, path) {
      return git(['show', `${branch}:${path}`], repoDir(name));
    },
    close,
  };
}
