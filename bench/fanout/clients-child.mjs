// A share of the benchmark's socket.io clients, in their own process so that decoding 1,000
// clients' messages does not queue up behind one event loop. Reports (resourceVersion, time)
// of every stage upsert received, with times on the shared clock (timeOrigin + now).
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { io } = createRequire(join(root, 'apps/bff/package.json'))('socket.io-client');
const [url, project, countText] = process.argv.slice(2);
const count = Number(countText);
const arrivals = [];
let messages = 0;
const sockets = [];
process.on('disconnect', () => process.exit(0));

for (let i = 0; i < count; i += 50) {
  await Promise.all(
    Array.from({ length: Math.min(50, count - i) }, async () => {
      const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
      sockets.push(s);
      await new Promise((res, rej) => {
        s.once('connect', res);
        s.once('connect_error', rej);
      });
      const ack = await new Promise((res) => s.emit('project:join', { project }, res));
      if (!ack.data) throw new Error(`join failed: ${JSON.stringify(ack)}`);
      s.on('project:delta', (d) => {
        messages++;
        const now = performance.timeOrigin + performance.now();
        for (const st of d.upserts.stages) arrivals.push([st.resourceVersion, now]);
      });
    }),
  );
}
process.on('message', (msg) => {
  if (msg === 'collect') {
    process.send({ type: 'arrivals', arrivals, messages });
    sockets.forEach((s) => s.close());
  }
});
process.send({ type: 'joined' });
