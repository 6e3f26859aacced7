import { cp } from 'node:fs/promises';
import { z } from 'zod';
import { parseConfig } from './parse-config.js';
import { workPath } from './paths.js';
import type { StepRunner } from './step-types.js';

/** Publishes its config as the step's output (after expressions are expanded). */
export const composeOutput: StepRunner = async (raw) => ({
  status: 'Succeeded',
  output: { ...raw },
});

/** Ends the step (and the promotion) Failed with the configured message. */
export const fail: StepRunner = async (raw) => {
  const cfg = parseConfig('fail', z.object({ message: z.string().optional() }), raw);
  // Kargo's failer: "failed", or "failed: <message>".
  return { status: 'Failed', message: cfg.message ? `failed: ${cfg.message}` : 'failed' };
};

/** Copies a file or directory inside the working directory. */
export const copy: StepRunner = async (raw, ctx) => {
  const cfg = parseConfig('copy', z.object({ inPath: z.string(), outPath: z.string() }), raw);
  await cp(
    workPath(ctx.workDir, cfg.inPath, 'inPath'),
    workPath(ctx.workDir, cfg.outPath, 'outPath'),
    { recursive: true },
  );
  return { status: 'Succeeded' };
};

const UNSUPPORTED: Record<string, string> = {
  'argocd-update': 'there is no Argo CD in the embedded cluster',
  'git-open-pr':
    "there is no git forge (GitHub, GitLab…) behind the embedded cluster's repositories",
  'git-wait-for-pr': "there is no git forge behind the embedded cluster's repositories",
  'git-merge-pr': "there is no git forge behind the embedded cluster's repositories",
  http: 'the embedded cluster makes no outbound HTTP requests',
  'helm-template': 'the embedded cluster has no helm binary',
  'kustomize-build': 'the embedded cluster has no kustomize binary',
  'send-message': 'the embedded cluster has no messaging integrations',
};

/** Steps Kargo has that the embedded cluster can't run: they fail and say why, never pretend. */
export const unsupportedSteps: Record<string, StepRunner> = Object.fromEntries(
  Object.entries(UNSUPPORTED).map(([name, why]) => [
    name,
    async () => ({
      status: 'Failed' as const,
      message: `step "${name}" can't run in Wharf's embedded cluster: ${why}. Run it against a real Kargo installation.`,
    }),
  ]),
);
