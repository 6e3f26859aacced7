import type { Freight, Stage } from '@wharf/shared';
import { describe, expect, it } from 'vitest';
import { OwnWrites, type Written } from '../src/kube/own-writes.js';
import { stageCaresAbout } from '../src/manager/wire-handlers.js';

const silent = { warn: () => undefined };

/** OwnWrites with a stand-in for two informers: `show` applies an event to the cache and reports it. */
function harness() {
  const cache = new Map<string, string>();
  const w = new OwnWrites(silent);
  for (const kind of ['Stage', 'Freight'])
    w.watch(kind, (ns, name) => cache.get(`${kind}/${ns ?? ''}/${name}`));
  const show = (kind: string, name: string, what: Written) => {
    const k = `${kind}/ns/${name}`;
    if ('rv' in what) cache.set(k, what.rv);
    else cache.delete(k);
    w.observed(kind, 'ns', name, what);
  };
  return { w, show };
}

/** Whether the promise has settled after the current microtasks ran. */
async function isDone(p: Promise<void>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((r) => setImmediate(r));
  return done;
}

describe('OwnWrites: reconcilers read caches only once they show the controller’s own writes', () => {
  it('settled() resolves at once when every write is already in the caches', async () => {
    const { w, show } = harness();
    expect(await isDone(w.settled())).toBe(true);
    // The watch event may be applied before the write's response is read…
    show('Stage', 's', { rv: '7' });
    w.wrote('Stage', 'ns', 's', { rv: '7' });
    expect(await isDone(w.settled())).toBe(true);
    // …or be followed by another writer's change before it is.
    show('Stage', 's', { rv: '8' });
    show('Stage', 's', { rv: '9' });
    w.wrote('Stage', 'ns', 's', { rv: '8' });
    expect(await isDone(w.settled())).toBe(true);
    // A write that changed nothing answers the version the cache already holds, with no event.
    w.wrote('Stage', 'ns', 's', { rv: '9' });
    expect(await isDone(w.settled())).toBe(true);
  });

  it('waits for the event of that very version; an older event of the object does not release it', async () => {
    const { w, show } = harness();
    w.wrote('Stage', 'ns', 's', { rv: '9' });
    const settled = w.settled();
    show('Stage', 's', { rv: '8' });
    show('Stage', 'other', { rv: '9' });
    expect(await isDone(settled)).toBe(false);
    show('Stage', 's', { rv: '9' });
    expect(await isDone(settled)).toBe(true);
  });

  it('a delete waits for the delete event of the same object (by uid)', async () => {
    const { w, show } = harness();
    show('Freight', 'f', { rv: '1' });
    w.wrote('Freight', 'ns', 'f', { deletedUid: 'u2' });
    const settled = w.settled();
    w.observed('Freight', 'ns', 'f', { deletedUid: 'u1' });
    expect(await isDone(settled)).toBe(false);
    show('Freight', 'f', { deletedUid: 'u2' });
    expect(await isDone(settled)).toBe(true);
  });

  it('an update shown only as the deletion of that object (its last finalizer removed) is not waited for', async () => {
    const { w, show } = harness();
    show('Stage', 's', { rv: '9' });
    w.wrote('Stage', 'ns', 's', { rv: '10', uid: 'u1' });
    const settled = w.settled();
    w.observed('Stage', 'ns', 's', { deletedUid: 'u0' });
    expect(await isDone(settled)).toBe(false);
    show('Stage', 's', { deletedUid: 'u1' });
    expect(await isDone(settled)).toBe(true);
  });

  it('stopping releases every wait', async () => {
    const { w } = harness();
    w.wrote('Stage', 'ns', 's', { rv: '12' });
    const settled = w.settled();
    w.close();
    expect(await isDone(settled)).toBe(true);
    w.wrote('Stage', 'ns', 's', { rv: '13' });
    expect(await isDone(w.settled())).toBe(true);
  });

  it('writes to kinds no informer caches are not waited for', async () => {
    const { w } = harness();
    w.wrote('PromotionTask', 'ns', 't', { rv: '3' });
    expect(await isDone(w.settled())).toBe(true);
  });

  it('a re-list releases the writes made before its LIST was sent, for that kind only', async () => {
    const { w, show } = harness();
    w.wrote('Stage', 'ns', 's', { rv: '4' });
    w.wrote('Freight', 'ns', 'f', { rv: '5' });
    const mark = w.mark();
    w.wrote('Stage', 'ns', 'later', { rv: '6' });
    w.relisted('Stage', mark);
    show('Stage', 'later', { rv: '6' });
    expect(await isDone(w.settled())).toBe(false);
    w.relisted('Freight', mark);
    expect(await isDone(w.settled())).toBe(true);
  });

  it('settled() waits only for writes made before it was called', async () => {
    const { w, show } = harness();
    w.wrote('Stage', 'ns', 'a', { rv: '1' });
    const first = w.settled();
    w.wrote('Stage', 'ns', 'b', { rv: '2' });
    show('Stage', 'a', { rv: '1' });
    expect(await isDone(first)).toBe(true);
    expect(await isDone(w.settled())).toBe(false);
  });
});

const stage = (name: string, sources: Stage['spec']['requestedFreight'][number]['sources']) =>
  ({
    metadata: { name, namespace: 'ns' },
    spec: { requestedFreight: [{ origin: { kind: 'Warehouse', name: 'w' }, sources }] },
  }) as Stage;
const freight = (status: Freight['status'] = {}, warehouse = 'w') =>
  ({
    metadata: { name: 'f1', namespace: 'ns' },
    origin: { kind: 'Warehouse', name: warehouse },
    status,
  }) as Freight;

describe('which Stages a Freight change wakes', () => {
  const direct = stage('test', { direct: true });
  const downstream = stage('uat', { stages: ['test'] });

  it('new Freight wakes the Stages that take its origin directly, not those downstream', () => {
    expect(stageCaresAbout(direct, freight())).toBe(true);
    expect(stageCaresAbout(downstream, freight())).toBe(false);
    expect(stageCaresAbout(direct, freight({}, 'other'))).toBe(false);
  });

  it('Freight verified (or held) upstream, approved for or held by the Stage wakes it', () => {
    expect(stageCaresAbout(downstream, freight({ verifiedIn: { test: {} } }))).toBe(true);
    expect(stageCaresAbout(downstream, freight({ currentlyIn: { test: {} } }))).toBe(true);
    expect(stageCaresAbout(downstream, freight({ approvedFor: { uat: {} } }))).toBe(true);
    expect(stageCaresAbout(downstream, freight({ currentlyIn: { uat: {} } }))).toBe(true);
    expect(stageCaresAbout(downstream, freight({ verifiedIn: { elsewhere: {} } }))).toBe(false);
  });
});
