import { describe, expect, it } from 'vitest';
import { createProjectRequest, emptyDraft, stepOfPart } from './wizard-draft';

const draft = {
  ...emptyDraft(),
  name: 'demo',
  warehouses: [
    {
      apiVersion: 'kargo.akuity.io/v1alpha1',
      kind: 'Warehouse',
      metadata: { name: 'app' },
      spec: {},
    },
  ],
  stages: [
    { apiVersion: 'kargo.akuity.io/v1alpha1', kind: 'Stage', metadata: { name: 'test' }, spec: {} },
  ],
  policies: [{ stageSelector: { name: 'test' }, autoPromotionEnabled: true }],
};

describe('the wizard draft as one create request', () => {
  it('puts the ProjectConfig, warehouses and stages in the project namespace, in that order', () => {
    const req = createProjectRequest(draft);
    expect(req.project.metadata.name).toBe('demo');
    expect(
      req.objects?.map((o) => `${o.kind}/${o.metadata.name}/${o.metadata.namespace ?? ''}`),
    ).toEqual(['ProjectConfig/demo/demo', 'Warehouse/app/demo', 'Stage/test/demo']);
  });

  it('sends the user back to the step that holds what Kubernetes refused', () => {
    expect(stepOfPart(draft, { part: 'objects', index: 0 })).toBe(4);
    expect(stepOfPart(draft, { part: 'objects', index: 1 })).toBe(2);
    expect(stepOfPart(draft, { part: 'objects', index: 2 })).toBe(3);
    expect(stepOfPart(draft, { part: 'credentials', index: 0 })).toBe(1);
  });
});
