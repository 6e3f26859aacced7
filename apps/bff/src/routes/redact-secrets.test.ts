import { describe, expect, it } from 'vitest';
import { redactSecrets } from './redact-secrets.js';

const secret = {
  kind: 'Secret',
  metadata: {
    name: 's',
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': '{"data":{"p":"c2VjcmV0"}}',
    },
  },
  data: { password: 'c2VjcmV0' },
  stringData: { token: 'plain' },
};

describe('redactSecrets', () => {
  it('hides the values of a Secret, keeps its keys, and hides the last-applied copy', () => {
    const out = JSON.stringify(redactSecrets(secret));
    expect(out).not.toContain('c2VjcmV0');
    expect(out).not.toContain('plain');
    expect(out).toContain('password');
  });

  it('hides values in a SecretList whose items carry no kind', () => {
    const list = {
      kind: 'SecretList',
      items: [{ metadata: { name: 'a' }, data: { k: 'dmFsdWU=' } }],
    };
    expect(JSON.stringify(redactSecrets(list))).not.toContain('dmFsdWU=');
  });

  it('hides Secret values inside a mixed List and leaves other objects alone', () => {
    const list = { kind: 'List', items: [secret, { kind: 'ConfigMap', data: { a: 'visible' } }] };
    const out = JSON.stringify(redactSecrets(list));
    expect(out).not.toContain('c2VjcmV0');
    expect(out).toContain('visible');
  });

  it('treats every kind-less object of a Secrets answer as a Secret', () => {
    const out = JSON.stringify(
      redactSecrets({ metadata: { name: 'a' }, data: { k: 'eA==' } }, true),
    );
    expect(out).not.toContain('eA==');
  });

  it('redacts the object of a watch event, not the event wrapper', () => {
    const event = { type: 'ADDED', object: { metadata: { name: 'a' }, data: { k: 'eA==' } } };
    expect(JSON.stringify(redactSecrets(event, true))).not.toContain('eA==');
    const typed = { type: 'MODIFIED', object: secret };
    expect(JSON.stringify(redactSecrets(typed))).not.toContain('c2VjcmV0');
  });

  it('redacts whatever the spelling of the kind, and the objects of Table rows', () => {
    expect(JSON.stringify(redactSecrets({ ...secret, kind: 'secret' }))).not.toContain('c2VjcmV0');
    const table = {
      kind: 'Table',
      rows: [
        { cells: ['s', 'Opaque', 1], object: { metadata: { name: 's' }, data: { k: 'eA==' } } },
      ],
    };
    expect(JSON.stringify(redactSecrets(table, true))).not.toContain('eA==');
  });

  it('leaves a Status (an error answer) as it is', () => {
    const status = { kind: 'Status', code: 403, message: 'secrets is forbidden' };
    expect(redactSecrets(status, true)).toEqual(status);
  });
});
