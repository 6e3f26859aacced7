import { describe, expect, it } from 'vitest';
import { compileRules } from './cel-rules.js';
import { validateCrdDefinition } from './crd-definition.js';
import {
  SKIP_MESSAGE,
  admit,
  kargoCrdsPresent,
  kargoSchema,
  loadKargoCrds,
} from './testing/kargo-crds.js';
import { validKargoObjects } from './testing/kargo-objects.js';

if (!kargoCrdsPresent) console.warn(SKIP_MESSAGE);

type Obj = Record<string, unknown>;
const valid = (kind: string): Obj => structuredClone(validKargoObjects()[kind] ?? {});
const spec = (o: Obj) => o.spec as Obj;
/** The causes other than Kubernetes' notice that CEL rules were skipped. */
const fields = (causes: { type: string; field: string }[]) =>
  causes.filter((c) => c.field !== '<nil>').map((c) => `${c.type} ${c.field}`);
const SKIPPED = {
  type: 'FieldValueInvalid',
  field: '<nil>',
  message:
    'Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
};

describe.skipIf(!kargoCrdsPresent)('the 9 real Kargo CRDs', () => {
  const crds = loadKargoCrds();

  it('are all present', () => {
    expect(crds.map((c) => c.kind).sort()).toEqual(Object.keys(validKargoObjects()).sort());
  });

  it('hold 12 CEL rules, every one of them found and compiled', () => {
    const texts = crds.flatMap((c) => JSON.stringify(c.openAPIV3Schema).match(/"rule":/g) ?? []);
    const compiled = crds.map((c) => compileRules(c.openAPIV3Schema));
    expect(texts).toHaveLength(12);
    expect(compiled.reduce((n, r) => n + r.count, 0)).toBe(12);
    expect(compiled.flatMap((r) => r.problems)).toEqual([]);
  });

  it('evaluate the ProjectConfig autoRollback rules on both list positions', () => {
    const pc = valid('ProjectConfig');
    const policy = (onVerification: string[]) => ({ stage: 'a', autoRollback: { onVerification } });
    spec(pc).promotionPolicies = [policy(['Error', 'Failed'])];
    expect(admit('ProjectConfig', structuredClone(pc))).toEqual([]);
    spec(pc).promotionPolicies = [policy(['Failed', 'Errored'])];
    expect(admit('ProjectConfig', pc).map((c) => c.message)).toEqual([
      'Invalid value: "array": onVerification[1] must be Failed or Error',
    ]);
  });

  it.each(crds.map((c) => [c.kind, c] as const))(
    '%s passes validateCrdDefinition with every CEL rule compiled',
    (_kind, c) => {
      expect(validateCrdDefinition(c.crd)).toEqual([]);
      expect(kargoSchema(c.kind).ruleProblems).toEqual([]);
    },
  );

  it.each(Object.keys(validKargoObjects()))('a valid %s passes', (kind) => {
    expect(admit(kind, valid(kind))).toEqual([]);
  });
});

describe.skipIf(!kargoCrdsPresent)(
  'invalid Kargo objects are rejected with Kubernetes field paths',
  () => {
    it('a Stage without requestedFreight: Required value at spec.requestedFreight', () => {
      const stage = valid('Stage');
      delete spec(stage).requestedFreight;
      expect(admit('Stage', stage)).toEqual([
        { type: 'FieldValueRequired', field: 'spec.requestedFreight', message: 'Required value' },
        SKIPPED,
      ]);
    });

    it('a Stage with an unknown origin kind: Unsupported value at spec.requestedFreight[0].origin.kind', () => {
      const stage = valid('Stage');
      (spec(stage).requestedFreight as Obj[])[0] = {
        origin: { kind: 'Bucket', name: 'w' },
        sources: { direct: true },
      };
      expect(admit('Stage', stage)).toEqual([
        {
          type: 'FieldValueNotSupported',
          field: 'spec.requestedFreight[0].origin.kind',
          message: 'Unsupported value: "Bucket": supported values: "Warehouse"',
        },
        SKIPPED,
      ]);
    });

    it('a Stage with a bad soak time: pattern message at spec.requestedFreight[0].sources.requiredSoakTime', () => {
      const stage = valid('Stage');
      (spec(stage).requestedFreight as Obj[])[0] = {
        origin: { kind: 'Warehouse', name: 'w' },
        sources: { direct: true, requiredSoakTime: '1 day' },
      };
      expect(admit('Stage', stage)).toEqual([
        {
          type: 'FieldValueInvalid',
          field: 'spec.requestedFreight[0].sources.requiredSoakTime',
          message: `Invalid value: "1 day": spec.requestedFreight[0].sources.requiredSoakTime in body should match '^([0-9]+(\\.[0-9]+)?(s|m|h))+$'`,
        },
      ]);
    });

    it('a Stage step with both uses and task violates the CEL rule on that step', () => {
      const stage = valid('Stage');
      const steps = (spec(stage).promotionTemplate as { spec: { steps: Obj[] } }).spec.steps;
      steps[1] = { uses: 'git-clone', task: { name: 'deploy' } };
      expect(admit('Stage', stage)).toEqual([
        {
          type: 'FieldValueInvalid',
          field: 'spec.promotionTemplate.spec.steps[1]',
          message:
            'Invalid value: "object": PromotionTemplate step must have exactly one of uses or task set',
        },
      ]);
    });

    it('a Stage step referencing a task with continueOnError and retry breaks two rules', () => {
      const stage = valid('Stage');
      const steps = (spec(stage).promotionTemplate as { spec: { steps: Obj[] } }).spec.steps;
      steps[0] = { task: { name: 'deploy' }, continueOnError: true, retry: { errorThreshold: 2 } };
      expect(admit('Stage', stage).map((c) => c.message)).toEqual([
        'Invalid value: "object": PromotionTemplate step referencing a task cannot set continueOnError',
        'Invalid value: "object": PromotionTemplate step referencing a task cannot set retry',
      ]);
    });

    it('a Promotion with both freight and origin violates the spec rule', () => {
      const promo = valid('Promotion');
      spec(promo).origin = { kind: 'Warehouse', name: 'w' };
      expect(admit('Promotion', promo)).toEqual([
        {
          type: 'FieldValueInvalid',
          field: 'spec',
          message: 'Invalid value: "object": exactly one of freight or origin must be set',
        },
      ]);
    });

    it('a Promotion step naming a task breaks the Promotion step rule; an empty steps list is too short', () => {
      const promo = valid('Promotion');
      spec(promo).steps = [{ uses: 'x', task: { name: 't' } }];
      expect(fields(admit('Promotion', promo))).toEqual(['FieldValueInvalid spec.steps[0]']);
      spec(promo).steps = [];
      expect(admit('Promotion', promo)).toEqual([
        {
          type: 'FieldValueInvalid',
          field: 'spec.steps',
          message:
            'Invalid value: []interface {}{}: spec.steps in body should have at least 1 items',
        },
      ]);
    });

    it('a Promotion with a non-DNS stage name fails the pattern; a wrong type blocks CEL rules', () => {
      const promo = valid('Promotion');
      spec(promo).stage = 'Not_A_Name';
      expect(fields(admit('Promotion', promo))).toEqual(['FieldValueInvalid spec.stage']);
      spec(promo).stage = 7;
      expect(admit('Promotion', promo)).toEqual([
        {
          type: 'FieldValueTypeInvalid',
          field: 'spec.stage',
          message: 'Invalid value: "integer": spec.stage in body must be of type string: "integer"',
        },
        {
          type: 'FieldValueInvalid',
          field: '<nil>',
          message:
            'Invalid value: "null": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
        },
      ]);
    });

    it('a PromotionTask or ClusterPromotionTask step with a task reference is refused', () => {
      for (const kind of ['PromotionTask', 'ClusterPromotionTask']) {
        const task = valid(kind);
        spec(task).steps = [{ task: { name: 'nested' } }];
        expect(admit(kind, task)).toEqual([
          {
            type: 'FieldValueInvalid',
            field: 'spec.steps[0]',
            message:
              'Invalid value: "object": PromotionTask step must have uses set and must not reference another task',
          },
        ]);
      }
    });

    it('a PromotionTask var with a bad name fails at spec.vars[0].name', () => {
      const task = valid('PromotionTask');
      spec(task).vars = [{ name: '9lives' }];
      expect(fields(admit('PromotionTask', task))).toEqual(['FieldValueInvalid spec.vars[0].name']);
    });

    it('Freight without origin is refused; a wrong origin kind is unsupported', () => {
      const freight = valid('Freight');
      delete freight.origin;
      expect(fields(admit('Freight', freight))).toEqual(['FieldValueRequired origin']);
      freight.origin = { kind: 'Stage', name: 'x' };
      expect(fields(admit('Freight', freight))).toEqual(['FieldValueNotSupported origin.kind']);
    });

    it('a ProjectConfig policy with both stage and stageSelector breaks its rule', () => {
      const pc = valid('ProjectConfig');
      spec(pc).promotionPolicies = [{ stage: 'a', stageSelector: { name: 'b' } }];
      expect(admit('ProjectConfig', pc)).toEqual([
        {
          type: 'FieldValueInvalid',
          field: 'spec.promotionPolicies[0]',
          message:
            'Invalid value: "object": PromotionPolicy must have exactly one of stage or stageSelector set',
        },
      ]);
    });

    it('a ProjectConfig autoRollback list with a wrong phase or a repeat fails the list rules', () => {
      const pc = valid('ProjectConfig');
      spec(pc).promotionPolicies = [{ stage: 'a', autoRollback: { onPromotion: ['Succeeded'] } }];
      expect(admit('ProjectConfig', pc)).toEqual([
        {
          type: 'FieldValueInvalid',
          field: 'spec.promotionPolicies[0].autoRollback.onPromotion',
          message: 'Invalid value: "array": onPromotion[0] must be Failed or Errored',
        },
      ]);
      spec(pc).promotionPolicies = [
        { stage: 'a', autoRollback: { onPromotion: ['Failed', 'Failed'] } },
      ];
      expect(fields(admit('ProjectConfig', pc))).toEqual([
        'FieldValueDuplicate spec.promotionPolicies[0].autoRollback.onPromotion[1]',
      ]);
    });

    it('a ClusterConfig gitClient without email: Required value', () => {
      const cc = valid('ClusterConfig');
      spec(cc).gitClient = { name: 'Kargo' };
      expect(fields(admit('ClusterConfig', cc))).toEqual([
        'FieldValueRequired spec.gitClient.email',
      ]);
    });

    it('a Warehouse with a bad freightCreationPolicy lists the supported values', () => {
      const w = valid('Warehouse');
      spec(w).freightCreationPolicy = 'Sometimes';
      expect(admit('Warehouse', w)).toEqual([
        {
          type: 'FieldValueNotSupported',
          field: 'spec.freightCreationPolicy',
          message: 'Unsupported value: "Sometimes": supported values: "Automatic", "Manual"',
        },
        SKIPPED,
      ]);
    });

    it('status conditions are a map list keyed by type: a repeated type is a Duplicate', () => {
      const w = valid('Warehouse');
      const cond = {
        type: 'Ready',
        status: 'True',
        reason: 'Ok',
        message: '',
        lastTransitionTime: '2026-01-01T00:00:00Z',
      };
      w.status = { conditions: [cond, { ...cond, status: 'False' }] };
      expect(admit('Warehouse', w)).toEqual([
        {
          type: 'FieldValueDuplicate',
          field: 'status.conditions[1]',
          message: 'Duplicate value: map[string]interface {}{"type":"Ready"}',
        },
      ]);
    });

    it('a bad date-time in a condition is reported as Kubernetes reports formats', () => {
      const w = valid('Warehouse');
      w.status = {
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'Ok',
            message: '',
            lastTransitionTime: 'yesterday',
          },
        ],
      };
      expect(admit('Warehouse', w)).toEqual([
        {
          type: 'FieldValueTypeInvalid',
          field: 'status.conditions[0].lastTransitionTime',
          message:
            'Invalid value: "yesterday": status.conditions[0].lastTransitionTime in body must be of type date-time: "yesterday"',
        },
        SKIPPED,
      ]);
    });
  },
);

describe.skipIf(!kargoCrdsPresent)('Kargo defaulting and pruning', () => {
  it('fills Warehouse spec.interval 5m0s and freightCreationPolicy Automatic', () => {
    const w = valid('Warehouse');
    kargoSchema('Warehouse').applyDefaults(w);
    expect(spec(w).interval).toBe('5m0s');
    expect(spec(w).freightCreationPolicy).toBe('Automatic');
  });

  it('keeps a Warehouse interval the user set', () => {
    const w = valid('Warehouse');
    spec(w).interval = '1h';
    kargoSchema('Warehouse').applyDefaults(w);
    expect(spec(w).interval).toBe('1h');
  });

  it('drops unknown fields but keeps the opaque step config subtree and metadata', () => {
    const stage = valid('Stage');
    stage.bogus = 1;
    spec(stage).colour = 'blue';
    stage.metadata = {
      name: 'test',
      namespace: 'demo',
      labels: { a: 'b' },
      annotations: { x: 'y' },
    };
    const template = spec(stage).promotionTemplate as { spec: { steps: Obj[]; extra?: unknown } };
    template.spec.extra = true;
    template.spec.steps[0] = {
      uses: 'git-clone',
      unknownStepField: 1,
      config: { anything: { deep: [1, { x: 2 }] } },
    };
    kargoSchema('Stage').prune(stage);
    expect(stage.bogus).toBeUndefined();
    expect(spec(stage).colour).toBeUndefined();
    expect(template.spec.extra).toBeUndefined();
    expect(template.spec.steps[0]).toEqual({
      uses: 'git-clone',
      config: { anything: { deep: [1, { x: 2 }] } },
    });
    expect(stage.metadata).toEqual({
      name: 'test',
      namespace: 'demo',
      labels: { a: 'b' },
      annotations: { x: 'y' },
    });
    expect(stage.apiVersion).toBe('kargo.akuity.io/v1alpha1');
  });

  it('keeps whole Warehouse subscriptions, which preserve unknown fields', () => {
    const w = valid('Warehouse');
    const subs = structuredClone(spec(w).subscriptions);
    kargoSchema('Warehouse').prune(w);
    expect(spec(w).subscriptions).toEqual(subs);
  });
});
