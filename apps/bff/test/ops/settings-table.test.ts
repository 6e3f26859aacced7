import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigSchema } from '../../src/config.js';
import { IdentityEnvSchema } from '../../src/identity/identity-config.js';

const README = new URL('../../../../README.md', import.meta.url);

interface Setting {
  variable: string;
  meaning: string;
  default: string;
}

/** Every environment variable the BFF reads, as its config schemas describe it. */
function settingsFromSchemas(): Setting[] {
  return [ConfigSchema, IdentityEnvSchema].flatMap((schema) => {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
      properties: Record<string, { description?: string; default?: unknown }>;
    };
    return Object.entries(json.properties).map(([variable, p]) => ({
      variable,
      meaning: p.description ?? '',
      default: p.default === undefined || p.default === '' ? 'unset' : `\`${String(p.default)}\``,
    }));
  });
}

/** The rows of the README's configuration table (between its settings markers). */
function settingsFromReadme(): Setting[] {
  const text = readFileSync(README, 'utf8');
  const block = /<!-- settings:start -->([\s\S]*?)<!-- settings:end -->/.exec(text)?.[1];
  if (!block)
    throw new Error('README.md has no <!-- settings:start --> … <!-- settings:end --> block');
  return block
    .split('\n')
    .filter((line) => /^\|\s*`/.test(line))
    .map((line) => {
      const [variable = '', meaning = '', def = ''] = line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((cell) => cell.trim());
      return {
        variable: variable.replace(/`/g, ''),
        meaning: meaning.replace(/\\\|/g, '|'),
        default: def,
      };
    });
}

function render(rows: Setting[]): string {
  return rows
    .map((r) => `| \`${r.variable}\` | ${r.meaning.replace(/\|/g, '\\|')} | ${r.default} |`)
    .join('\n');
}

describe("the README's configuration table", () => {
  it('lists every setting the BFF reads, with the meaning and default its schema gives', () => {
    const expected = settingsFromSchemas();
    const documented = settingsFromReadme();
    // On failure the message is the table to paste (then run prettier on README.md).
    expect(documented, `expected rows:\n${render(expected)}`).toEqual(expected);
  });
});
