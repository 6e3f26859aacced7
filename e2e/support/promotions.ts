import { kubectl } from './kube.js';

interface PromotionObject {
  metadata: { name: string };
  spec: { stage: string; freight?: string };
  status?: { phase?: string };
}

/** Promotions of a stage as Kubernetes holds them. */
export async function promotionsOf(project: string, stage: string): Promise<PromotionObject[]> {
  const list = JSON.parse(await kubectl(['get', 'promotions', '-n', project, '-o', 'json'])) as {
    items: PromotionObject[];
  };
  return list.items.filter((p) => p.spec.stage === stage);
}

/** The phase a dashboard must show for a Promotion: its status, or Pending before the controller sets one. */
export async function phaseOf(project: string, name: string): Promise<string> {
  const phase = await kubectl([
    'get',
    'promotion',
    name,
    '-n',
    project,
    '-o',
    'jsonpath={.status.phase}',
  ]);
  return phase || 'Pending';
}
