// Installs the Debian packages the test suite needs on a fresh machine: Chromium for Playwright and
// kubectl (kubernetes-client) for the conformance tests that drive a real Kubernetes client.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
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
  if (missing.length === 0) return;
  console.log(`[wharf] installing Debian packages: ${missing.join(' ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (...args) =>
    sudo.length ? must('sudo', ['apt-get', ...args]) : must('apt-get', args);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await apt('update', '-qq');
  await (sudo.length
    ? must('sudo', ['apt-get', 'install', '-y', '-qq', ...missing], { env })
    : must('apt-get', ['install', '-y', '-qq', ...missing], { env }));
}
