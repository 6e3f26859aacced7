// Watch streams: newline-delimited JSON events, resumable from a resourceVersion inside the
// window (older answers an ERROR event with 410 Expired), with periodic BOOKMARKs on request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Ctx } from '../context.js';
import { errors } from '../errors/status.js';
import { apiVersionOf, gr, type ResourceDef } from '../registry/resource-def.js';
import { parseFieldSelector } from '../selectors/fields.js';
import { parseLabelSelector } from '../selectors/labels.js';
import type { CommitEvent } from '../storage/store.js';
import { includeParam, toTable, wantsTable } from '../table/convert.js';
import type { KObj } from '../util/kobj.js';
import { atVersion } from './read.js';

export function handleWatch(
  ctx: Ctx,
  def: ResourceDef,
  version: string,
  ns: string | undefined,
  name: string | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  q: URLSearchParams,
): void {
  const labels = parseLabelSelector(q.get('labelSelector'));
  const fields = parseFieldSelector(q.get('fieldSelector'), def);
  const match = (o: KObj | undefined): boolean =>
    !!o &&
    (!ns || (o.metadata.namespace ?? '') === ns) &&
    (!name || o.metadata.name === name) &&
    (!labels || labels(o.metadata.labels)) &&
    (!fields || fields(o));
  const table = wantsTable(req.headers.accept);
  const include = includeParam(q);
  const bookmarks = q.get('allowWatchBookmarks') === 'true';
  const rvParam = q.get('resourceVersion') ?? '';
  const key = gr(def);

  const encode = (type: string, o: KObj): string => {
    const obj = atVersion(def, version, o);
    const payload = table
      ? toTable(def, [obj], include, { resourceVersion: obj.metadata.resourceVersion })
      : obj;
    return JSON.stringify({ type, object: payload }) + '\n';
  };

  let initial: string[] = [];
  let lastRv: number;
  // WatchList (sendInitialEvents=true): current state as ADDED events, then a bookmark
  // annotated k8s.io/initial-events-end, then changes.
  const sendInitial = q.get('sendInitialEvents') === 'true';
  if (rvParam === '' || rvParam === '0' || sendInitial) {
    lastRv = ctx.store.currentRv();
    initial = ctx.store
      .list(key, ns)
      .filter(match)
      .map((o) => encode('ADDED', o));
    if (sendInitial) {
      const bm = {
        kind: def.kind,
        apiVersion: apiVersionOf(def.group, version),
        metadata: {
          resourceVersion: String(lastRv),
          annotations: { 'k8s.io/initial-events-end': 'true' },
        },
      };
      initial.push(JSON.stringify({ type: 'BOOKMARK', object: bm }) + '\n');
    }
  } else {
    const from = Number(rvParam);
    if (!Number.isFinite(from)) throw errors.badRequest(`invalid resource version: ${rvParam}`);
    const past = ctx.hub.since(key, from);
    lastRv = from;
    if (!past) {
      const gone = errors.gone(from, ctx.hub.oldest());
      res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' });
      res.end(JSON.stringify({ type: 'ERROR', object: gone.toStatus() }) + '\n');
      return;
    }
    for (const e of past) {
      const line = eventLine(e);
      if (line) initial.push(line);
      lastRv = e.rv;
    }
  }

  function eventLine(e: CommitEvent): string | undefined {
    const now = match(e.type === 'DELETED' ? undefined : e.obj);
    const before = match(e.old);
    if (e.type === 'DELETED') return before ? encode('DELETED', e.obj) : undefined;
    if (now && before) return encode('MODIFIED', e.obj);
    if (now) return encode('ADDED', e.obj);
    if (before) return encode('DELETED', e.obj);
    return undefined;
  }

  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Transfer-Encoding': 'chunked',
    'Cache-Control': 'no-cache, private',
  });
  res.flushHeaders();
  for (const line of initial) res.write(line);
  const unsubscribe = ctx.hub.add({
    gr: key,
    deliver(e) {
      if (e.rv <= lastRv) return;
      lastRv = e.rv;
      const line = eventLine(e);
      if (line) res.write(line);
    },
  });
  const timers: NodeJS.Timeout[] = [];
  if (bookmarks) {
    timers.push(
      setInterval(() => {
        const rv = String(Math.max(lastRv, ctx.hub.lastPublished()));
        const bm = {
          kind: def.kind,
          apiVersion: apiVersionOf(def.group, version),
          metadata: { resourceVersion: rv },
        };
        res.write(JSON.stringify({ type: 'BOOKMARK', object: bm }) + '\n');
      }, ctx.bookmarkIntervalMs),
    );
  }
  const timeout = Number(q.get('timeoutSeconds') ?? 0);
  const limitMs = (timeout > 0 ? timeout : 1800 + Math.floor(Math.random() * 1800)) * 1000;
  timers.push(setTimeout(() => res.end(), limitMs));
  ctx.watches.add(res);
  const cleanup = () => {
    unsubscribe();
    for (const t of timers) clearTimeout(t);
    ctx.watches.delete(res);
  };
  res.on('close', cleanup);
  req.on('close', cleanup);
}
