import { describe, expect, it } from 'vitest';
import { stageView } from '../../lib/testing/views';
import { FREIGHT_LINE, STAGE_SIZE, stageNodeSize, worstArgoCdApp } from './stage-node-layout';

describe('stageNodeSize', () => {
  it('gives a stage fed by several warehouses one freight line per extra origin', () => {
    expect(stageNodeSize(stageView('s', [{ origin: 'a' }]))).toEqual(STAGE_SIZE);
    expect(stageNodeSize(stageView('s', [{ origin: 'a' }, { origin: 'b' }])).height).toBe(
      STAGE_SIZE.height + FREIGHT_LINE,
    );
  });
});

describe('worstArgoCdApp', () => {
  it('picks the least healthy application, an unknown health counting as Unknown', () => {
    const apps = [
      { name: 'a', namespace: 'argocd', health: 'Healthy' },
      { name: 'b', namespace: 'argocd', health: 'Degraded' },
      { name: 'c', namespace: 'argocd' },
    ];
    expect(worstArgoCdApp(apps)?.name).toBe('b');
    expect(worstArgoCdApp(apps.filter((a) => a.name !== 'b'))?.name).toBe('c');
    expect(worstArgoCdApp([])).toBeUndefined();
  });
});
