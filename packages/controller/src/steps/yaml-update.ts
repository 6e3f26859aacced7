import { readFile, writeFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { parseConfig } from './parse-config.js';
import { workPath } from './paths.js';
import { StepFailure, type StepRunner } from './step-types.js';

const Config = z.object({
  path: z.string(),
  updates: z.array(z.object({ key: z.string().min(1), value: z.unknown() })).min(1),
});

/** Splits `a.b[0].c` / `a.b.0.c` into path segments; `\.` escapes a dot inside a key. */
export function keyPath(key: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const raw of key.replace(/\[(\d+)\]/g, '.$1').split(/(?<!\\)\./)) {
    const part = raw.replace(/\\\./g, '.');
    parts.push(/^\d+$/.test(part) ? Number(part) : part);
  }
  return parts;
}

/** Sets values in a YAML file by key path, keeping its comments and layout. */
export const yamlUpdate: StepRunner = async (raw, ctx) => {
  const cfg = parseConfig('yaml-update', Config, raw);
  const file = workPath(ctx.workDir, cfg.path);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new StepFailure(`cannot read "${cfg.path}"`);
  });
  const doc = parseDocument(text);
  if (doc.errors.length)
    throw new StepFailure(`"${cfg.path}" is not valid YAML: ${doc.errors[0]?.message ?? ''}`);
  for (const u of cfg.updates) doc.setIn(keyPath(u.key), u.value);
  await writeFile(file, doc.toString());
  const summary = cfg.updates.map((u) => `${u.key}: ${JSON.stringify(u.value)}`).join(', ');
  return { status: 'Succeeded', output: { commitMessage: `Updated ${cfg.path}: ${summary}` } };
};
