import { describe, expect, it } from 'vitest';
import { argoCdApps } from './argocd.js';

const stage = (annotation: string | undefined, output?: unknown) => ({
  metadata: {
    name: 'prod',
    ...(annotation ? { annotations: { 'kargo.akuity.io/argocd-context': annotation } } : {}),
  },
  status: output === undefined ? {} : { health: { status: 'Unhealthy', output } },
});

// Shaped as Kargo v1.11's argocd health checker writes status.health.output.
const output = [
  {
    applicationStatuses: [
      {
        Name: 'guestbook-prod',
        Namespace: 'argocd',
        health: {
          status: 'Degraded',
          message: 'Deployment "guestbook" exceeded its progress deadline',
        },
        sync: { status: 'Synced', revision: 'abc' },
      },
    ],
  },
];

describe('argoCdApps', () => {
  it('joins the argocd-context annotation with per-app health and links to Argo CD', () => {
    const apps = argoCdApps(
      stage('[{"name":"guestbook-prod","namespace":"argocd"}]', output),
      'https://argocd.example.com/',
    );
    expect(apps).toEqual([
      {
        name: 'guestbook-prod',
        namespace: 'argocd',
        health: 'Degraded',
        healthMessage: 'Deployment "guestbook" exceeded its progress deadline',
        sync: 'Synced',
        url: 'https://argocd.example.com/applications/argocd/guestbook-prod',
      },
    ]);
  });

  it('lists annotated apps without health, and apps only the health output knows', () => {
    const apps = argoCdApps(stage('[{"name":"other","namespace":null}]', output));
    expect(apps.map((a) => `${a.namespace}/${a.name}:${a.health ?? '-'}`)).toEqual([
      'argocd/other:-',
      'argocd/guestbook-prod:Degraded',
    ]);
    expect(apps.every((a) => a.url === undefined)).toBe(true);
  });

  it('ignores malformed annotations and outputs instead of failing', () => {
    expect(argoCdApps(stage('not json', { nope: true }))).toEqual([]);
    expect(argoCdApps(stage(undefined))).toEqual([]);
  });
});
