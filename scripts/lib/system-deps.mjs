// Installs the Debian packages the test suite needs on a fresh machine: Chromium for Playwright,
// kubectl (kubernetes-client) for the conformance tests that drive a real Kubernetes client, and the
// real servers artifact tests run on loopback: nginx + fcgiwrap in front of git's http-backend, and
// the CNCF distribution registry (docker-registry).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { must } from './run.mjs';

function has(cmd) {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function ensureSystemDeps() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!has('kubectl')) missing.push('kubernetes-client');
  if (!has('git')) missing.push('git');
  if (!existsSync('/usr/sbin/nginx')) missing.push('nginx');
  if (!existsSync('/usr/sbin/fcgiwrap')) missing.push('fcgiwrap');
  if (!existsSync('/usr/bin/docker-registry')) missing.push('docker-registry');
  if (!has('openssl')) missing.push('openssl');
  if (missing.length === 0) return;
  console.log(`[wharf] installing Debian packages: ${missing.join(' ')}`);
  const asRoot = (args) =>
    process.getuid?.() === 0 ? must(args[0], args.slice(1)) : must('sudo', args);
  process.env.DEBIAN_FRONTEND = 'noninteractive';
  await asRoot(['apt-get', 'update', '-qq']);
  await asRoot(['apt-get', 'install', '-y', '-qq', '-o=Dpkg::Use-Pty=0', ...missing]);
}
