import type { Promotion } from '@wharf/shared';
import { PromotionViewSchema } from '@wharf/shared/api';
import { describe, expect, it } from 'vitest';
import { CREATED_BY_WHARF, toPromotionView } from './promotion-view.js';

const promotion = (status: Promotion['status']): Promotion => ({
  apiVersion: 'kargo.akuity.io/v1alpha1',
  kind: 'Promotion',
  metadata: { name: 'test.01abc', namespace: 'demo', uid: 'u1', resourceVersion: '7' },
  spec: {
    stage: 'test',
    freight: 'f1',
    steps: [
      { uses: 'git-clone', as: 'clone', config: { repoURL: 'https://git.example/repo.git' } },
      { uses: 'http', config: { url: 'https://example.test/${{ vars.path }}' } },
      { uses: 'fake-step' },
    ],
  },
  status,
});

describe('toPromotionView step config and output', () => {
  it('carries each step config as written and the output the step stored under its alias', () => {
    const view = toPromotionView(
      promotion({
        phase: 'Running',
        currentStep: 2,
        stepExecutionMetadata: [
          { alias: 'clone', status: 'Succeeded' },
          { alias: 'step-1', status: 'Succeeded' },
          { alias: 'step-2', status: 'Running' },
        ],
        state: { clone: { commit: 'abc123' }, 'step-1': { status: 200 } },
      }),
      { aliasOf: () => undefined },
    );
    expect(PromotionViewSchema.parse(view)).toEqual(view);
    expect(view.steps.map((s) => [s.config, s.output])).toEqual([
      [{ repoURL: 'https://git.example/repo.git' }, { commit: 'abc123' }],
      [{ url: 'https://example.test/${{ vars.path }}' }, { status: 200 }],
      [undefined, undefined],
    ]);
  });

  it('names unnamed steps as Kargo does, 0-based: step-0, step-1, …', () => {
    const view = toPromotionView(promotion({ phase: 'Pending' }), { aliasOf: () => undefined });
    expect(view.steps.map((s) => s.alias)).toEqual(['clone', 'step-1', 'step-2']);
  });

  it('leaves output out before a step has run and ignores a state that is not an object', () => {
    const view = toPromotionView(promotion({ phase: 'Pending', state: ['bogus'] }), {
      aliasOf: () => undefined,
    });
    expect(view.steps.every((s) => !('output' in s))).toBe(true);
    expect(view.steps[0]?.config).toEqual({ repoURL: 'https://git.example/repo.git' });
  });
});

describe('toPromotionView authorship', () => {
  const wharfActor = 'kubernetes:system:serviceaccount:wharf:wharf';
  const by = (actor: string) => {
    const p = promotion({ phase: 'Pending' });
    p.metadata.annotations = { 'kargo.akuity.io/create-actor': actor };
    return toPromotionView(p, { aliasOf: () => undefined, wharfActor }).actor;
  };

  it('says Wharf, not a person, when Kargo recorded only Wharf itself as the creator', () => {
    expect(by(wharfActor)).toBe(CREATED_BY_WHARF);
  });

  it('shows the person Kargo kept, and any other identity, as Kargo recorded it', () => {
    expect(by('email:pat@example.com')).toBe('email:pat@example.com');
    expect(by('kubernetes:system:serviceaccount:wharf:wharf-other')).toBe(
      'kubernetes:system:serviceaccount:wharf:wharf-other',
    );
  });
});
