import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoServerProject } from '@wharf/shared/fixtures';
import { KubeClient } from '../../src/kube/kube-client.js';
import { corePath, kargoPath } from '../../src/kube/paths.js';
import { eventually, HAVE_CRDS, startHarness, type Harness } from '../support/bff-harness.js';
import { seedProject } from '../support/kube-seed.js';

const event = (ns: string, name: string) => ({
  metadata: { name, namespace: ns },
  involvedObject: { kind: 'Stage', name: 'x', namespace: ns },
  reason: 'Test',
  message: name,
  type: 'Normal',
});

describe.skipIf(!HAVE_CRDS)('kinds read only in project namespaces', () => {
  let h: Harness;
  let kube: KubeClient;
  beforeAll(async () => {
    h = await startHarness(async (kc) => {
      await seedProject(kc, echoServerProject());
      kube = new KubeClient(kc);
      await kube.create(corePath('namespaces'), { metadata: { name: 'not-a-project' } });
      await kube.create(corePath('events', 'not-a-project'), event('not-a-project', 'outside'));
      await kube.create(corePath('events', 'echo-server'), event('echo-server', 'inside'));
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('caches Events and ServiceAccounts of project namespaces, and nothing of other namespaces', () => {
    const events = h.bff.cache.get('events');
    expect(events.get('echo-server', 'inside')).toBeDefined();
    expect(events.list('not-a-project')).toEqual([]);
    expect(h.bff.cache.get('serviceaccounts').get('echo-server', 'default')).toBeDefined();
    expect(h.bff.cache.get('serviceaccounts').list('not-a-project')).toEqual([]);
  });

  it('starts watching a new project namespace when its Project appears, and forgets it when it goes', async () => {
    await kube.create(corePath('namespaces'), {
      metadata: { name: 'late', labels: { 'kargo.akuity.io/project': 'true' } },
    });
    await kube.create(corePath('events', 'late'), event('late', 'before-project'));
    await kube.create(kargoPath('projects'), {
      apiVersion: 'kargo.akuity.io/v1alpha1',
      kind: 'Project',
      metadata: { name: 'late' },
    });
    const events = h.bff.cache.get('events');
    await eventually(() => events.get('late', 'before-project'), 10_000);
    await kube.create(corePath('events', 'late'), event('late', 'after-project'));
    await eventually(() => events.get('late', 'after-project'), 10_000);

    await kube.delete(kargoPath('projects', undefined, 'late'));
    await eventually(() => (events.list('late').length === 0 ? true : undefined), 10_000);
    expect(h.bff.cache.status().kinds.events?.state).toBe('synced');
  });
});
