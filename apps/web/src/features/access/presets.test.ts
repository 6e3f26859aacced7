import { describe, expect, it } from 'vitest';
import { presetRows } from './presets';
import { rowProblem } from './rules-draft';
import { promotersOf } from './who-can';
import { toCells } from './rule-cells';
import { resourceType } from './resource-catalog';

const asRole = (name: string, rows: ReturnType<typeof presetRows>) => ({
  project: 'p',
  name,
  kargoManaged: true,
  claims: [{ name: 'groups', values: [name] }],
  rules: rows.map((r) => ({
    apiGroups: [resourceType(r.resource)?.group ?? ''],
    resources: [r.resource],
    ...(r.name ? { resourceNames: [r.name] } : {}),
    verbs: r.verbs,
  })),
});

describe('presets to rules', () => {
  it('every preset yields only rows the editor accepts', () => {
    for (const rows of [
      presetRows('viewer'),
      presetRows('promoter', ['staging']),
      presetRows('admin'),
    ])
      expect(rows.map(rowProblem).filter(Boolean)).toEqual([]);
  });

  it('a viewer only reads', () => {
    const verbs = new Set(presetRows('viewer').flatMap((r) => r.verbs));
    expect([...verbs].sort()).toEqual(['get', 'list', 'watch']);
  });

  it('a promoter for staging may promote to staging only, and can create the Promotion', () => {
    const roles = [
      asRole('promo', presetRows('promoter', ['staging'])),
      asRole('view', presetRows('viewer')),
    ];
    expect(promotersOf(roles, 'staging')).toEqual([
      {
        role: 'promo',
        claims: [{ name: 'groups', values: ['promo'] }],
        canCreatePromotions: true,
        kargoManaged: true,
      },
    ]);
    expect(promotersOf(roles, 'production')).toEqual([]);
  });

  it('a project admin may promote to every stage', () => {
    expect(promotersOf([asRole('admin', presetRows('admin'))], 'production')).toHaveLength(1);
  });

  it('a promoter preset without stages is refused with the reason', () => {
    expect(() => presetRows('promoter', [])).toThrow(/at least one stage/);
  });

  it('a preset lists each resource once (promotions: read and create in one row)', () => {
    const rows = presetRows('promoter', ['b', 'a']);
    const cells = toCells(asRole('x', rows).rules);
    expect(cells).toHaveLength(rows.length);
  });
});
