// wharf-apiserver --port N --data-dir D [--crds DIR]... [--kubeconfig-out FILE]
import { parseArgs } from 'node:util';
import { startApiServer } from './start.js';

const USAGE =
  'usage: wharf-apiserver --port N --data-dir D [--crds DIR]... [--kubeconfig-out FILE] [--host H]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      crds: { type: 'string', multiple: true },
      'kubeconfig-out': { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port ?? 6443);
  if (!values['data-dir'] || !Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`${USAGE}\n--data-dir is required and --port must be 0-65535`);
    process.exit(2);
  }
  const server = await startApiServer({
    dataDir: values['data-dir'],
    port,
    ...(values.host ? { host: values.host } : {}),
    ...(values.crds ? { crdDirs: values.crds } : {}),
    ...(values['kubeconfig-out'] ? { kubeconfigOut: values['kubeconfig-out'] } : {}),
  });
  console.log(
    JSON.stringify({ msg: 'wharf-apiserver listening', url: server.url, port: server.port }),
  );
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
