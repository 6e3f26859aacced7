import type { Stage, Warehouse } from '@wharf/shared';
import { pipelineShape, stageShapeKey, type PipelineShape } from '../views/project-graph.js';
import { keepJson } from './view-json.js';

/**
 * Each project's graph shape, kept until a stage's name, origins or sources change, or a
 * warehouse comes or goes: a stage's status changing (the usual change) leaves it as it was, so
 * a read of the graph does not rebuild and check 3,000 stages' edges and cycles again.
 */
export class PipelineShapes {
  private readonly stageKeys = new WeakMap<Stage, string>();
  private readonly kept = new Map<string, { keys: string[]; shape: PipelineShape }>();

  of(project: string, warehouses: Warehouse[], stages: Stage[]): PipelineShape {
    const keys = [
      ...warehouses.map((w) => `warehouse|${w.metadata.name}`),
      ...stages.map((s) => this.keyOf(s)),
    ];
    const hit = this.kept.get(project);
    if (hit && hit.keys.length === keys.length && hit.keys.every((k, i) => k === keys[i]))
      return hit.shape;
    const shape = pipelineShape(warehouses, stages);
    keepJson(shape.edges);
    keepJson(shape.problems);
    this.kept.set(project, { keys, shape });
    return shape;
  }

  private keyOf(s: Stage): string {
    let key = this.stageKeys.get(s);
    if (key === undefined) this.stageKeys.set(s, (key = stageShapeKey(s)));
    return key;
  }
}
