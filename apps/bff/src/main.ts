import { createServer } from 'node:http';
import { createApp } from './app.js';
import { loadConfig } from './config.js';

const config = loadConfig();
const app = createApp({
  ...(config.WHARF_WEB_DIST ? { webDist: config.WHARF_WEB_DIST } : {}),
  clusterStatus: () => ({
    mode: config.KUBECONFIG && config.WHARF_EMBEDDED !== '1' ? 'kubeconfig' : 'embedded',
    connected: false,
    message: 'Cluster connection is not wired yet.',
  }),
});
const server = createServer(app);
server.listen(config.PORT, () => {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
  console.log(`Wharf is serving on http://localhost:${port}`);
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
