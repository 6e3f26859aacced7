import { gitClone } from './git-clone.js';
import { gitClear, gitCommit, gitPush } from './git-commit-push.js';
import { helmUpdateChart } from './helm-update-chart.js';
import { kustomizeSetImage } from './kustomize-set-image.js';
import { composeOutput, copy, fail, unsupportedSteps } from './simple-steps.js';
import type { StepRegistry } from './step-types.js';
import { yamlUpdate } from './yaml-update.js';

/** The promotion steps the embedded cluster runs, by Kargo's step name. */
export function builtinSteps(): StepRegistry {
  return {
    ...unsupportedSteps,
    'git-clone': gitClone,
    'git-clear': gitClear,
    'git-commit': gitCommit,
    'git-push': gitPush,
    'yaml-update': yamlUpdate,
    'kustomize-set-image': kustomizeSetImage,
    'helm-update-chart': helmUpdateChart,
    'compose-output': composeOutput,
    copy,
    fail,
  };
}
