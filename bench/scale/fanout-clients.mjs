// A share of the fan-out clients, in its own process so decoding their messages does not queue
// behind one event loop. argv: url project count cookie. Reports the (resourceVersion, time) of
// every freight upsert received, on the shared clock (timeOrigin + now).
import { io } from 'socket.io-client';

const [url, project, countText, cookie] = process.argv.slice(2);
const count = Number(countText);
const arrivals = [];
let messages = 0;
const sockets = [];
process.on('disconnect', () => process.exit(0));

for (let i = 0; i < count; i += 25) {
  await Promise.all(
    Array.from({ length: Math.min(25, count - i) }, async () => {
      const s = io(url, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        timeout: 600_000,
        extraHeaders: { cookie },
      });
      sockets.push(s);
      await new Promise((res, rej) => {
        s.once('connect', res);
        s.once('connect_error', rej);
      });
      const ack = await new Promise((res) =>
        s.timeout(600_000).emit('project:join', { project }, (err, a) => res(err ? { err } : a)),
      );
      if (!ack.data) throw new Error(`join failed: ${JSON.stringify(ack).slice(0, 300)}`);
      s.on('project:delta', (d) => {
        messages++;
        const now = performance.timeOrigin + performance.now();
        for (const f of d.upserts.freight) arrivals.push([f.resourceVersion, now]);
      });
    }),
  );
  process.send({ type: 'progress', joined: Math.min(i + 25, count) });
}
process.on('message', (msg) => {
  if (msg === 'collect') {
    process.send({ type: 'arrivals', arrivals, messages });
    sockets.forEach((s) => s.close());
  }
});
process.send({ type: 'joined' });
