import { describe, expect, it } from 'vitest';
import { freightMatchReason } from './freight-search.js';

describe('freightMatchReason', () => {
  const f = {
    name: 'f0a1b2c3d4',
    alias: 'calm-walrus',
    commits: [{ id: '3f2a1bc999', message: 'Add PodDisruptionBudget\n\nlong body' }],
    images: [{ tag: '1.2.0' }],
    charts: [{ version: '0.4.0' }],
  };
  it('says in words which field matched, the commit with its subject line', () => {
    expect(freightMatchReason(f, ['walrus'])).toBe('alias calm-walrus');
    expect(freightMatchReason(f, ['3f2a'])).toBe('commit 3f2a1bc Add PodDisruptionBudget');
    expect(freightMatchReason(f, ['1.2'])).toBe('image tag 1.2.0');
    expect(freightMatchReason(f, ['0.4'])).toBe('chart version 0.4.0');
    expect(freightMatchReason(f, ['f0a1'])).toBe('name f0a1b2c3d4');
  });
});
