// A share of the fan-out clients, in its own process so decoding their messages does not queue
// behind one event loop. argv: url project count cookie. Reports the (client, resourceVersion,
// time) of every freight upsert received, on the shared clock (timeOrigin + now). With `resume`, only the
// first socket takes the snapshot; the others join from its version, as tabs reconnecting do, so
// the bench does not spend minutes encoding and decoding a thousand identical snapshots.
import { io } from 'socket.io-client';

const [url, project, countText, cookie, joinMode] = process.argv.slice(2);
const count = Number(countText);
const arrivals = [];
let messages = 0;
let version;
const sockets = [];
process.on('disconnect', () => process.exit(0));

for (let joined = 0; joined < count;) {
  const batch = version === undefined && joinMode === 'resume' ? 1 : Math.min(25, count - joined);
  await Promise.all(
    Array.from({ length: batch }, async (_, b) => {
      const client = joined + b;
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
        s
          .timeout(600_000)
          .emit(
            'project:join',
            joinMode === 'resume' && version ? { project, version } : { project },
            (err, a) => res(err ? { err } : a),
          ),
      );
      if (!ack.data) throw new Error(`join failed: ${JSON.stringify(ack).slice(0, 300)}`);
      version ??= ack.data.snapshot?.version;
      s.on('project:delta', (d) => {
        messages++;
        const now = performance.timeOrigin + performance.now();
        for (const f of d.upserts.freight) arrivals.push([client, f.resourceVersion, now]);
      });
    }),
  );
  joined += batch;
  process.send({ type: 'progress', joined });
}
process.on('message', (msg) => {
  if (msg === 'collect') {
    process.send({ type: 'arrivals', arrivals, messages });
    sockets.forEach((s) => s.close());
  }
});
process.send({ type: 'joined' });
