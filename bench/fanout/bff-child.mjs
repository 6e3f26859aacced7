// The BFF under test, alone in its own process so its CPU and memory can be measured.
// Started by bench.mjs with KUBECONFIG_PATH set; answers {cpu, maxRssKb} on an IPC 'report'.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const bffRequire = createRequire(join(root, 'apps/bff/package.json'));
const { KubeConfig } = bffRequire('@kubernetes/client-node');
const { pino } = bffRequire('pino');
const { startBff } = await import(join(root, 'apps/bff/dist/server.js'));

const kc = new KubeConfig();
kc.loadFromString(readFileSync(process.env.KUBECONFIG_PATH, 'utf8'));
const bff = await startBff({ kc, mode: 'kubeconfig', logger: pino({ level: 'warn' }) });
await bff.cache.synced();

// Never outlive the benchmark that started us.
process.on('disconnect', () => process.exit(0));
let cpuMark = process.cpuUsage();
process.on('message', async (msg) => {
  if (msg === 'mark') {
    cpuMark = process.cpuUsage();
    process.send({ type: 'marked' });
  } else if (msg === 'report') {
    const cpu = process.cpuUsage(cpuMark);
    const metrics = await (await fetch(`${bff.url}/metrics`)).text();
    const watches = Number(/^wharf_upstream_watches (\d+)$/m.exec(metrics)?.[1] ?? NaN);
    process.send({
      type: 'report',
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssKb: process.resourceUsage().maxRSS,
      watchesByGauge: watches,
    });
  } else if (msg === 'stop') {
    await bff.close();
    process.exit(0);
  }
});
process.send({ type: 'ready', url: bff.url });
