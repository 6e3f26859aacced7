import { describe, expect, it } from 'vitest';
import { ExpressionError } from '../src/expr/evaluate.js';
import { promotionEnv, type PromotionScope } from '../src/expr/promotion-env.js';
import { expandDeep, expandString } from '../src/expr/template.js';

const scope = (over: Partial<PromotionScope> = {}): PromotionScope => ({
  project: 'demo',
  stage: 'prod',
  promotion: 'prod.01abc.1234567',
  targetFreight: { name: 'f1', origin: { kind: 'Warehouse', name: 'app' } },
  freight: [
    {
      name: 'f1',
      origin: { kind: 'Warehouse', name: 'app' },
      commits: [{ repoURL: 'https://git.example.com/app.git', id: 'abc123', tag: 'v1.2.0' }],
      images: [{ repoURL: 'ghcr.io/x/app', tag: '1.2.0', digest: 'sha256:aa' }],
    },
  ],
  vars: { repo: 'https://git.example.com/app', n: 3 },
  outputs: { 'update-image': { commitMessage: 'bumped' } },
  taskOutputs: { commit: { commit: 'def456' } },
  stepStatus: {},
  ...over,
});

describe("Kargo's ${{ }} expressions", () => {
  it('a whole-string expression keeps its type; mixed text is interpolated', () => {
    const env = promotionEnv(scope());
    expect(expandString('${{ vars.n }}', env)).toBe(3);
    expect(expandString('stage/${{ ctx.stage }}-${{ vars.n + 1 }}', env)).toBe('stage/prod-4');
  });

  it('reads outputs by quoted alias, task.outputs, commitFrom() with a normalized repo URL, and imageFrom()', () => {
    const env = promotionEnv(scope());
    expect(expandString("${{ outputs['update-image'].commitMessage }}", env)).toBe('bumped');
    expect(expandString('${{ task.outputs.commit.commit }}', env)).toBe('def456');
    expect(
      expandString('${{ commitFrom(vars.repo).Tag }}@${{ commitFrom(vars.repo).ID }}', env),
    ).toBe('v1.2.0@abc123');
    expect(expandString("${{ imageFrom('ghcr.io/x/app').Digest }}", env)).toBe('sha256:aa');
    expect(expandString('${{ ctx.targetFreight.origin.name }}', env)).toBe('app');
  });

  it("supports expr-lang's word operators, ternaries and quote()", () => {
    const env = promotionEnv(scope());
    expect(
      expandString("${{ ctx.stage == 'prod' and not (vars.n < 2) ? 'yes' : 'no' }}", env),
    ).toBe('yes');
    expect(expandString('${{ quote(vars.n) }}', env)).toBe('"3"');
  });

  it('expands nested config objects and arrays', () => {
    const env = promotionEnv(scope());
    expect(expandDeep({ a: ['${{ ctx.project }}', { b: '${{ vars.n }}' }], c: 1 }, env)).toEqual({
      a: ['demo', { b: 3 }],
      c: 1,
    });
  });

  it('refuses unknown names, unknown functions and prototype access instead of running code', () => {
    const env = promotionEnv(scope());
    expect(() => expandString('${{ process.exit(1) }}', env)).toThrow(ExpressionError);
    expect(() => expandString('${{ eval("1") }}', env)).toThrow(/unknown function/);
    expect(() => expandString('${{ vars.constructor }}', env)).toThrow(/cannot be accessed/);
    expect(() => expandString("${{ commitFrom('https://elsewhere/x').ID }}", env)).toThrow(
      /no commit/,
    );
  });
});
