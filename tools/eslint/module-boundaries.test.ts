import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Lints code as if it lived at a given path, with the project's real eslint.config.js.
const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter(
      (m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'wharf/no-cross-feature-imports',
    )
    .map((m) => m.message);
}

describe('module boundaries enforced by lint', () => {
  it('refuses packages/shared importing from an app', async () => {
    const errors = await boundaryErrors(
      'packages/shared/src/x.ts',
      "import { createApp } from '../../../apps/bff/src/app.js';\nexport const y = createApp;\n",
    );
    expect(errors.join()).toMatch(/must not import from apps/);
  });

  it('refuses packages/shared importing another Wharf package', async () => {
    const errors = await boundaryErrors(
      'packages/shared/src/x.ts',
      "import * as api from '@wharf/apiserver';\nexport const y = api;\n",
    );
    expect(errors.join()).toMatch(/must not depend on other Wharf packages/);
  });

  it('refuses the web app importing a server-only package', async () => {
    const errors = await boundaryErrors(
      'apps/web/src/lib/x.ts',
      "import express from 'express';\nexport const y = express;\n",
    );
    expect(errors.join()).toMatch(/server-only packages/);
  });

  it('refuses one web feature importing another, by relative path or alias', async () => {
    const relative = await boundaryErrors(
      'apps/web/src/features/graph/components/node.tsx',
      "import { x } from '../../freight/api/list';\nexport const y = x;\n",
    );
    expect(relative.join()).toMatch(/Feature 'graph' imports from feature 'freight'/);
    const aliased = await boundaryErrors(
      'apps/web/src/features/graph/node.tsx',
      "import { x } from '@/features/freight/api';\nexport const y = x;\n",
    );
    expect(aliased.join()).toMatch(/Feature 'graph' imports from feature 'freight'/);
  });

  it('allows imports inside one feature and from shared code', async () => {
    const errors = await boundaryErrors(
      'apps/web/src/features/graph/components/node.tsx',
      "import { a } from '../api/graph';\nimport { b } from '@/lib/http';\nimport type { ClusterStatus } from '@wharf/shared';\nexport const y: [unknown, unknown, ClusterStatus | undefined] = [a, b, undefined];\n",
    );
    expect(errors).toEqual([]);
  });
});
