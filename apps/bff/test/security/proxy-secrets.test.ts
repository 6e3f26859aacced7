import { execFile } from 'node:child_process';
import { request, type IncomingMessage } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCaller } from '../../src/access/admin-caller.js';
import { KubeClient } from '../../src/kube/kube-client.js';
import { startHarness, type Harness } from '../support/bff-harness.js';
import { headerResolver } from '../support/callers.js';
import { MODES, PATH_FORMS, REFUSED_FORMS, urlFor } from './proxy-paths.js';

const NS = 'vault';
const PLAIN = { password: 'hunter2-plain', token: 'tok-plain-xyz', note: 'only-in-last-applied' };
const b64 = (s: string) => Buffer.from(s).toString('base64');
/** Every way a value could show: as written and as Kubernetes stores it. */
const LEAKS = Object.values(PLAIN).flatMap((v) => [v, b64(v)]);
const WATCH_CAP_SECONDS = 2;

// kubectl apply of a `kind: List`: the API server folds stringData into data, and kubectl keeps a
// plaintext copy of each applied Secret in the last-applied annotation.
const APPLIED_LIST = `
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Secret
  metadata: {name: applied, namespace: ${NS}}
  stringData: {token: ${PLAIN.token}, note: ${PLAIN.note}}
  data: {password: ${b64(PLAIN.password)}}
`;

let h: Harness;
let kubeconfigPath = '';
const run = promisify(execFile);

beforeAll(async () => {
  h = await startHarness(
    async (kc) => {
      const client = new KubeClient(kc);
      await client.create('/api/v1/namespaces', { metadata: { name: NS } });
      await client.create(`/api/v1/namespaces/${NS}/secrets`, {
        metadata: { name: 'plain' },
        data: { password: b64(PLAIN.password) },
      });
    },
    (kc) => ({
      resolveCaller: headerResolver(kc, adminCaller(kc)),
      proxyWatchMaxSeconds: WATCH_CAP_SECONDS,
    }),
  );
  kubeconfigPath = join(h.dataDir, 'admin.kubeconfig');
  await writeFile(kubeconfigPath, h.kc.exportConfig());
  const child = run('kubectl', ['apply', '--validate=false', '-f', '-'], {
    env: { ...process.env, KUBECONFIG: kubeconfigPath },
  });
  child.child.stdin?.end(APPLIED_LIST);
  await child;
});
afterAll(async () => {
  await h?.close();
});

/**
 * GET with the path sent byte for byte as written: fetch() would resolve dot segments and turn
 * backslashes into slashes before sending, hiding the very forms under test.
 */
function proxy(path: string, headers: Record<string, string> = {}): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(`${h.bff.url}/`, { path: `/api/v1/k8s${path}`, headers }, resolve);
    req.on('error', reject);
    req.end();
  });
}

/** Reads an answer until `enough` holds for what arrived, the stream ends, or `ms` pass. */
async function readUntil(
  res: IncomingMessage,
  enough: (text: string) => boolean = () => false,
  ms = 8000,
) {
  let text = '';
  const timer = setTimeout(() => res.destroy(), ms);
  try {
    for await (const chunk of res) {
      text += (chunk as Buffer).toString('utf8');
      if (enough(text)) break;
    }
  } catch {
    // destroyed at the deadline
  } finally {
    clearTimeout(timer);
    res.destroy();
  }
  return text;
}

function expectNoLeak(text: string, where: string) {
  for (const leak of LEAKS) expect(text, `${where} leaked ${leak}`).not.toContain(leak);
}

const TARGETS = [
  { what: 'one Secret', path: `/api/v1/namespaces/${NS}/secrets/applied`, names: ['applied'] },
  {
    what: 'Secrets of a namespace',
    path: `/api/v1/namespaces/${NS}/secrets`,
    names: ['applied', 'plain'],
  },
];

describe('Secret values never leave the Kubernetes proxy, whatever the spelling of the path', () => {
  for (const target of TARGETS) {
    for (const mode of MODES) {
      it(`${target.what}, ${mode}: every path form answers without a value`, async () => {
        let served = 0;
        for (const form of PATH_FORMS) {
          const url = urlFor(form, mode, target.path);
          const res = await proxy(url);
          const text = await readUntil(res, (t) => target.names.every((n) => t.includes(`"${n}"`)));
          expectNoLeak(text, `${form.name} (${url})`);
          if (res.statusCode === 200) {
            // An answer that served the Secrets must show their keys, redacted: not an empty stream.
            for (const n of target.names) expect(text, `${form.name} (${url})`).toContain(`"${n}"`);
            expect(text).toContain('"password":"<redacted>"');
            served += 1;
          } else expect(res.statusCode, `${form.name} (${url})`).toBeGreaterThanOrEqual(400);
        }
        // Case variants may be refused (404) by a case-sensitive API server; all others serve.
        expect(served).toBeGreaterThanOrEqual(PATH_FORMS.length - 3);
      });
    }
  }

  it('serves the cluster-wide list and watch of Secrets redacted too', async () => {
    for (const path of [
      '/api/v1/secrets',
      '/api/v1/secrets?watch=true&timeoutSeconds=2',
      '/api/v1/watch/secrets',
    ]) {
      const res = await proxy(path);
      const text = await readUntil(res, (t) => t.includes('"applied"') && t.includes('"plain"'));
      expect(res.statusCode).toBe(200);
      expect(text).toContain('"applied"');
      expectNoLeak(text, path);
    }
  });

  it('hides the last-applied annotation kubectl wrote, which holds every value in plain text', async () => {
    const res = await proxy(`/api/v1/namespaces/${NS}/secrets/applied`);
    const secret = JSON.parse(await readUntil(res)) as {
      metadata: { annotations: Record<string, string> };
    };
    expect(secret.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '<redacted>',
    );
    // The cluster really holds the plaintext copy: the redaction is what stands between.
    const raw = JSON.stringify(
      await new KubeClient(h.kc).get(`/api/v1/namespaces/${NS}/secrets/applied`),
    );
    expect(raw).toContain(PLAIN.note);
  });

  it('refuses ambiguous spellings with 400 and a reason, whatever the verb', async () => {
    for (const target of TARGETS) {
      for (const mode of MODES) {
        for (const form of REFUSED_FORMS) {
          const url = urlFor(form, mode, target.path);
          const res = await proxy(url);
          const text = await readUntil(res);
          expectNoLeak(text, url);
          expect(res.statusCode, url).toBe(400);
          expect(JSON.parse(text)).toMatchObject({ error: { name: 'InputError' } });
        }
      }
    }
  });

  it('redacts a Secret changed while a watch is open, in the event object', async () => {
    const res = await proxy(`/api/v1/watch/namespaces/${NS}/secrets/plain?timeoutSeconds=2`);
    const reader = readUntil(res, (t) => t.includes('"MODIFIED"'));
    await new Promise((r) => setTimeout(r, 200));
    await new KubeClient(h.kc).mergePatch(`/api/v1/namespaces/${NS}/secrets/plain`, {
      data: { rotated: b64('rotated-value-123') },
    });
    const text = await reader;
    expect(text).toContain('"MODIFIED"');
    expect(text).toContain('"rotated":"<redacted>"');
    expect(text).not.toContain(b64('rotated-value-123'));
  });

  it('streams a legacy watch without timeoutSeconds, uncompressed to a browser, and ends it at the cap', async () => {
    const started = Date.now();
    // A browser asks for gzip: a compressed watch would sit in the compressor, not stream.
    const res = await proxy(`/api/v1/watch/namespaces/${NS}/secrets`, {
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(res.headers['content-encoding']).toBeUndefined();
    // The first events arrive while the watch is open: streamed, not buffered until the end.
    const firstAt = await new Promise<number>((resolve) =>
      res.once('data', (chunk: Buffer) => {
        expect(chunk.toString('utf8')).toContain('"ADDED"');
        resolve(Date.now());
      }),
    );
    await new Promise((resolve) => res.on('end', resolve).resume());
    expect(Date.now() - firstAt).toBeGreaterThan(1000);
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeGreaterThanOrEqual(WATCH_CAP_SECONDS - 0.5);
    expect(seconds).toBeLessThan(WATCH_CAP_SECONDS + 6);
  });

  it('ignores a client Accept asking for a Table: the answer is the redacted object', async () => {
    const res = await proxy(`/api/v1/namespaces/${NS}/secrets`, {
      accept: 'application/json;as=Table;g=meta.k8s.io;v=v1',
    });
    const text = await readUntil(res);
    expect(JSON.parse(text)).toMatchObject({ kind: 'SecretList' });
    expectNoLeak(text, 'Table accept');
  });

  it('refuses subresources that reach into workloads, and query parameters it does not know', async () => {
    for (const sub of [
      'pods/p/log',
      'pods/p/exec',
      'pods/p/attach',
      'pods/p/portforward',
      'services/s/proxy',
    ]) {
      const res = await proxy(`/api/v1/namespaces/${NS}/${sub}`);
      res.resume();
      expect(res.statusCode, sub).toBe(403);
    }
    const pretty = await proxy(`/api/v1/namespaces/${NS}/secrets?pretty=true`);
    pretty.resume();
    expect(pretty.statusCode).toBe(400);
  });

  it('answers a caller Kubernetes refuses with 403 before anything is read', async () => {
    const res = await proxy(`/api/v1/namespaces/${NS}/%73ecrets`, { 'x-test-user': 'nobody' });
    expect(res.statusCode).toBe(403);
    expectNoLeak(await readUntil(res), 'nobody');
  });
});
