import { z } from 'zod';
import { updateChartDependencies } from '../helm/dependency-update.js';
import { parseConfig } from './parse-config.js';
import { workPath } from './paths.js';
import type { StepRunner } from './step-types.js';

const Config = z.strictObject({
  path: z.string().min(1),
  charts: z
    .array(
      z.strictObject({
        repository: z.string().min(1),
        name: z.string().min(1),
        version: z.string().min(1),
      }),
    )
    .min(1)
    .optional(),
});

/** Kargo's helm-update-chart: new dependency versions in Chart.yaml, then a dependency update. */
export const helmUpdateChart: StepRunner = async (raw, ctx) => {
  const cfg = parseConfig('helm-update-chart', Config, raw);
  const changes = await updateChartDependencies(
    workPath(ctx.workDir, cfg.path),
    cfg.charts ?? [],
    (url) => ctx.credentials('helm', url),
  );
  const lines = Object.entries(changes).map(
    ([name, change]) => `\n- ${name}: ${change || 'removed'}`,
  );
  return lines.length
    ? {
        status: 'Succeeded',
        output: { commitMessage: `Updated chart dependencies for ${cfg.path}\n${lines.join('')}` },
      }
    : { status: 'Succeeded' };
};
