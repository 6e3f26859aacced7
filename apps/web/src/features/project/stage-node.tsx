import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import type { HeldFreight, RoomStageView } from '@wharf/shared/api';
import { contrastText } from '@wharf/shared';
import { memo, useState } from 'react';
import { stageDecision } from '@/lib/api/capabilities';
import { draggedFreight, FREIGHT_MIME } from '@/lib/drag';
import { summarize, displayName } from '@/lib/freight';
import { formatAge } from '@/lib/time';
import { ArgoCdBadge } from './argocd-badge';
import { useDecision } from './capabilities-store';
import { guarded } from './graph-guard';
import { pillProps } from './graph-pill';
import { healthColor, phaseColor, promotionPhaseColor } from './phase-style';
import { useProject } from './project-context';
import { stageNodeSize } from './stage-node-layout';
import './graph-nodes.css';

// Plain elements and one stylesheet (graph-nodes.css): hundreds of these mount while a big
// project opens or pans. Tooltips are the graph's one TipLayer, reading `data-tip`.

export type StageNodeData = {
  stage: RoomStageView;
  hidden: number;
  hasDownstream: boolean;
  matched: boolean;
};
export type StageFlowNode = Node<StageNodeData, 'stage'>;

/** One line per origin the stage requests: what it holds from there, or that it holds nothing yet. */
function FreightLines({ stage }: { stage: RoomStageView }) {
  const { open, originColor } = useProject();
  const many = stage.requestedFreight.length > 1;
  if (stage.controlFlow) {
    const from = stage.requestedFreight.flatMap((r) =>
      r.direct ? [r.origin.name] : r.upstreamStages,
    );
    return (
      <div className="stage-node__line stage-node__secondary">
        <span>Passes on freight from {from.join(', ') || 'nowhere'}</span>
      </div>
    );
  }
  const line = (origin: string, f: HeldFreight | undefined) => (
    <div
      key={origin}
      className="stage-node__line"
      data-tip={f ? `${origin}: ${summarize(f)}` : undefined}
    >
      {many && (
        <span
          className="stage-node__origin"
          role="img"
          aria-label={`From ${origin}:`}
          style={{ background: originColor(origin) }}
        />
      )}
      {f ? (
        <span>
          <button
            type="button"
            className="graph-link nodrag"
            onClick={() => open('freight', f.name)}
          >
            {displayName(f)}
          </button>{' '}
          {summarize(f)} · {formatAge(f.since)}
        </span>
      ) : (
        <span>{many ? `No freight from ${origin} yet` : 'No freight yet'}</span>
      )}
    </div>
  );
  return (
    <>
      {stage.requestedFreight.map((r) => {
        const f = stage.currentFreight.find((c) => c.origin.name === r.origin.name);
        return line(r.origin.name, f);
      })}
    </>
  );
}

/** Promote, or why not: reads its own decision, so capabilities arriving re-render only this. */
function PromoteControl({ stage }: { stage: string }) {
  const { startPromote } = useProject();
  const decision = useDecision((caps) => stageDecision(caps, stage, 'promote'));
  const button = (
    <button
      type="button"
      className="graph-button nodrag"
      disabled={!decision.allowed}
      onClick={() => startPromote(stage)}
      aria-label={`Promote to ${stage}`}
    >
      Promote
    </button>
  );
  return guarded(decision, button);
}

function StatusPills({ stage, hidden, hasDownstream }: StageNodeData) {
  const { toggleCollapse } = useProject();
  return (
    <div className="stage-node__row">
      {stage.controlFlow ? (
        <span
          {...pillProps('default', 'outlined')}
          data-tip="No promotion steps: freight verified upstream passes through this stage on its own"
          aria-label="Control-flow stage: no promotion steps, freight verified upstream passes through"
        >
          Control flow
        </span>
      ) : (
        <>
          <span {...pillProps(phaseColor[stage.phase])}>{stage.phase}</span>
          <span {...pillProps(healthColor[stage.health.status], 'outlined')}>
            {stage.health.status}
          </span>
        </>
      )}
      {(hasDownstream || hidden > 0) && (
        <button
          type="button"
          {...pillProps('default', 'outlined')}
          className="graph-pill nodrag"
          onClick={() => toggleCollapse(stage.name)}
          aria-label={
            hidden > 0
              ? `Expand ${hidden} stages after ${stage.name}`
              : `Collapse the stages after ${stage.name}`
          }
        >
          {hidden > 0 ? `+${hidden} stages` : 'Collapse'}
        </button>
      )}
    </div>
  );
}

function LastPromotion({ stage }: { stage: RoomStageView }) {
  const { open } = useProject();
  const last = stage.lastPromotion;
  return (
    <div className="stage-node__line stage-node__secondary">
      {last ? (
        <button
          type="button"
          className="graph-link nodrag"
          data-tone={promotionPhaseColor(last.phase) === 'error' ? 'error' : 'inherit'}
          onClick={() => open('promotions', last.name)}
        >
          Last promotion {last.phase ?? ''} {formatAge(last.finishedAt)} ago
        </button>
      ) : (
        <span>{stage.controlFlow ? 'Takes no promotions' : 'Never promoted'}</span>
      )}
    </div>
  );
}

function AutoPromotion({ stage }: { stage: RoomStageView }) {
  const { holds } = stage.autoPromotion;
  return holds.length > 0 ? (
    <span
      role="img"
      data-tip={`Auto-promotion held (${holds.map((h) => h.origin).join(', ')})`}
      aria-label="Auto-promotion held"
    >
      ⏸
    </span>
  ) : (
    <span role="img" data-tip="Auto-promotion on" aria-label="Auto-promotion on">
      ⚡
    </span>
  );
}

function StageNodeView({ data }: NodeProps<StageFlowNode>) {
  const { stage, matched } = data;
  const { capabilities, open, startPromote, originColor } = useProject();
  const [dropHint, setDropHint] = useState<string | null>(null);
  const size = stageNodeSize(stage);
  const origins = stage.requestedFreight.map((r) => r.origin.name);
  // Read when a drag passes, not on render: the node does not re-render for capabilities.
  const promote = () => stageDecision(capabilities.get(), stage.name, 'promote');
  const onDragOver = (e: React.DragEvent) => {
    const f = draggedFreight();
    // Some drag sources (and automation) expose no types during dragover: the module state decides.
    if (!f && !e.dataTransfer.types.includes(FREIGHT_MIME)) return;
    const decision = promote();
    const reason = !decision.allowed
      ? decision.reason
      : f && !origins.includes(f.origin)
        ? `${stage.name} does not request freight from ${f.origin}.`
        : null;
    setDropHint(reason ?? `Drop to promote to ${stage.name}`);
    if (reason) {
      e.dataTransfer.dropEffect = 'none';
      return;
    }
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: React.DragEvent) => {
    setDropHint(null);
    const name = e.dataTransfer.getData(FREIGHT_MIME) || draggedFreight()?.name;
    if (!name || !promote().allowed) return;
    e.preventDefault();
    startPromote(stage.name, name);
  };
  return (
    <div
      role="group"
      aria-label={`Stage ${stage.name}`}
      className="stage-node"
      data-state={matched ? 'matched' : dropHint ? 'dropping' : undefined}
      style={{ width: size.width, height: size.height }}
      onDragOver={onDragOver}
      onDragLeave={() => setDropHint(null)}
      onDrop={onDrop}
    >
      {origins.map((o, i) => (
        <Handle
          key={o}
          id={o}
          type="target"
          position={Position.Left}
          style={{ top: 30 + i * 14, background: originColor(o) }}
        />
      ))}
      <Handle type="source" position={Position.Right} />
      <div
        className="stage-node__header"
        style={
          stage.color ? { background: stage.color, color: contrastText(stage.color) } : undefined
        }
      >
        <button
          type="button"
          className="graph-link stage-node__name nodrag"
          onClick={() => open('stages', stage.name)}
          aria-label={`Open stage ${stage.name}`}
        >
          {stage.name}
        </button>
        <ArgoCdBadge apps={stage.argocdApps} />
        {stage.autoPromotion.enabled && <AutoPromotion stage={stage} />}
      </div>
      {dropHint ? (
        <div role="status" className="stage-node__hint">
          {dropHint}
        </div>
      ) : (
        <div className="stage-node__body">
          <StatusPills {...data} />
          <FreightLines stage={stage} />
          <LastPromotion stage={stage} />
          <PromoteControl stage={stage.name} />
        </div>
      )}
    </div>
  );
}

export const StageNode = memo(StageNodeView);
