import type { Stage } from '../kargo/stage.js';
import type { RepoSubscription, Warehouse } from '../kargo/warehouse.js';
import { stronglyConnectedComponents } from './graph-scc.js';

export type SubscriptionKind = 'git' | 'image' | 'chart' | 'other';

export interface SubscriptionNode {
  type: 'subscription';
  id: string;
  warehouse: string;
  kind: SubscriptionKind;
  /** Repository URL; for `other`, the generic subscription's name (else its first key). */
  label: string;
  repoURL?: string;
  subscription: RepoSubscription;
}
export interface WarehouseNode {
  type: 'warehouse';
  id: string;
  name: string;
  warehouse: Warehouse;
}
export interface StageNode {
  type: 'stage';
  id: string;
  name: string;
  /** No promotion steps: the Stage only passes Freight on. */
  controlFlow: boolean;
  stage: Stage;
}
export type PipelineNode = SubscriptionNode | WarehouseNode | StageNode;

export interface PipelineEdge {
  id: string;
  type: 'subscription' | 'direct' | 'upstream';
  source: string;
  target: string;
  /** Origin warehouse name the Freight on this edge comes from (direct and upstream edges). */
  origin?: string;
}

export type PipelineProblem =
  | { type: 'unknown-warehouse'; stage: string; warehouse: string; message: string }
  | { type: 'unknown-upstream'; stage: string; upstream: string; origin: string; message: string }
  | {
      type: 'upstream-lacks-origin';
      stage: string;
      upstream: string;
      origin: string;
      message: string;
    }
  | { type: 'cycle'; stages: string[]; message: string };

export interface PipelineGraph {
  nodes: PipelineNode[];
  edges: PipelineEdge[];
  problems: PipelineProblem[];
}

export const warehouseNodeId = (name: string) => `warehouse:${name}`;
export const stageNodeId = (name: string) => `stage:${name}`;

export function isControlFlowStage(stage: Pick<Stage, 'spec'>): boolean {
  return (stage.spec.promotionTemplate?.spec.steps?.length ?? 0) === 0;
}

function describeSubscription(sub: RepoSubscription): { kind: SubscriptionKind; label: string } {
  if (sub.git) return { kind: 'git', label: sub.git.repoURL };
  if (sub.image) return { kind: 'image', label: sub.image.repoURL };
  if (sub.chart) {
    const name = sub.chart.name ? `/${sub.chart.name}` : '';
    return { kind: 'chart', label: `${sub.chart.repoURL}${name}` };
  }
  if (sub.subscription?.name) return { kind: 'other', label: sub.subscription.name };
  return { kind: 'other', label: Object.keys(sub)[0] ?? 'subscription' };
}

function subscriptionNodes(warehouse: Warehouse): SubscriptionNode[] {
  const name = warehouse.metadata.name;
  const used = new Map<string, number>();
  return warehouse.spec.subscriptions.map((subscription) => {
    const { kind, label } = describeSubscription(subscription);
    // Content-based id survives reordering; a repeat of the same repo gets #2, #3…
    const base = `subscription:${name}:${kind}:${label}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const id = n === 1 ? base : `${base}#${n}`;
    return { type: 'subscription', id, warehouse: name, kind, label, repoURL: label, subscription };
  });
}

/**
 * Graph of a project's pipeline: subscription → warehouse, warehouse → stage (direct sources),
 * upstream stage → stage (one edge per origin). Dangling references and cycles are reported in
 * `problems`, never thrown.
 */
export function buildPipelineGraph(input: {
  warehouses: readonly Warehouse[];
  stages: readonly Stage[];
}): PipelineGraph {
  const nodes: PipelineNode[] = [];
  const edges: PipelineEdge[] = [];
  const problems: PipelineProblem[] = [];
  const edgeIds = new Set<string>();
  const addEdge = (edge: PipelineEdge) => {
    if (edgeIds.has(edge.id)) return;
    edgeIds.add(edge.id);
    edges.push(edge);
  };

  const warehouses = new Map(input.warehouses.map((w) => [w.metadata.name, w]));
  const stages = new Map(input.stages.map((s) => [s.metadata.name, s]));
  for (const warehouse of warehouses.values()) {
    const id = warehouseNodeId(warehouse.metadata.name);
    for (const sub of subscriptionNodes(warehouse)) {
      nodes.push(sub);
      addEdge({ id: `${sub.id}->${id}`, type: 'subscription', source: sub.id, target: id });
    }
    nodes.push({ type: 'warehouse', id, name: warehouse.metadata.name, warehouse });
  }

  const upstreamsOf = new Map<string, string[]>();
  for (const stage of stages.values()) {
    const name = stage.metadata.name;
    const target = stageNodeId(name);
    nodes.push({ type: 'stage', id: target, name, controlFlow: isControlFlowStage(stage), stage });
    for (const request of stage.spec.requestedFreight) {
      const origin = request.origin.name;
      if (!warehouses.has(origin)) {
        problems.push({
          type: 'unknown-warehouse',
          stage: name,
          warehouse: origin,
          message: `Stage "${name}" requests Freight from Warehouse "${origin}", which does not exist.`,
        });
      } else if (request.sources.direct) {
        const source = warehouseNodeId(origin);
        addEdge({ id: `direct:${origin}->${name}`, type: 'direct', source, target, origin });
      }
      for (const upstream of request.sources.stages ?? []) {
        const up = stages.get(upstream);
        if (!up) {
          problems.push({
            type: 'unknown-upstream',
            stage: name,
            upstream,
            origin,
            message: `Stage "${name}" takes "${origin}" Freight from Stage "${upstream}", which does not exist.`,
          });
          continue;
        }
        if (!up.spec.requestedFreight.some((r) => r.origin.name === origin)) {
          problems.push({
            type: 'upstream-lacks-origin',
            stage: name,
            upstream,
            origin,
            message: `Stage "${name}" takes "${origin}" Freight from Stage "${upstream}", which never receives Freight from "${origin}".`,
          });
        }
        const id = `upstream:${upstream}->${name}@${origin}`;
        addEdge({ id, type: 'upstream', source: stageNodeId(upstream), target, origin });
        upstreamsOf.set(upstream, [...(upstreamsOf.get(upstream) ?? []), name]);
      }
    }
  }
  problems.push(...findStageCycles([...stages.keys()], upstreamsOf));
  return { nodes, edges, problems };
}

function findStageCycles(names: string[], downstream: Map<string, string[]>): PipelineProblem[] {
  const components = stronglyConnectedComponents(names, (n) => downstream.get(n) ?? []);
  return components
    .filter((c) => c.length > 1 || (downstream.get(c[0] ?? '') ?? []).includes(c[0] ?? ''))
    .map((c) => {
      const stages = [...c].sort();
      return {
        type: 'cycle' as const,
        stages,
        message: `Stages ${stages.map((s) => `"${s}"`).join(', ')} take Freight from each other in a loop, so none of them can receive it through that path.`,
      };
    });
}
