import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import type { HeldFreight, StageView } from '@wharf/shared/api';
import { contrastText } from '@wharf/shared';
import { memo, useState } from 'react';
import { stageDecision } from '@/lib/api/project';
import { draggedFreight, FREIGHT_MIME } from '@/lib/drag';
import { summarize, displayName } from '@/lib/freight';
import { formatAge } from '@/lib/time';
import { ArgoCdApps } from './argocd-apps';
import { healthColor, phaseColor, promotionPhaseColor } from './phase-style';
import { useProject } from './project-context';
import { stageNodeSize } from './stage-node-layout';

export type StageNodeData = {
  stage: StageView;
  hidden: number;
  hasDownstream: boolean;
  matched: boolean;
};
export type StageFlowNode = Node<StageNodeData, 'stage'>;

/** One line per origin the stage requests: what it holds from there, or that it holds nothing yet. */
function FreightLines({ stage }: { stage: StageView }) {
  const { open, originColor } = useProject();
  const many = stage.requestedFreight.length > 1;
  if (stage.controlFlow) {
    const from = stage.requestedFreight.flatMap((r) =>
      r.direct ? [r.origin.name] : r.upstreamStages,
    );
    return (
      <Typography noWrap sx={{ fontSize: 12 }} color="text.secondary">
        Passes on freight from {from.join(', ') || 'nowhere'}
      </Typography>
    );
  }
  const line = (origin: string, f: HeldFreight | undefined) => (
    <Typography
      key={origin}
      noWrap
      sx={{ fontSize: 12, display: 'flex', alignItems: 'center', gap: 0.5 }}
      title={f ? `${origin}: ${summarize(f)}` : undefined}
    >
      {many && (
        <Box
          component="span"
          role="img"
          aria-label={`From ${origin}:`}
          sx={{
            width: 8,
            height: 8,
            borderRadius: '50%',
            flex: 'none',
            bgcolor: originColor(origin),
          }}
        />
      )}
      {f ? (
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>
          <Link component="button" className="nodrag" onClick={() => open('freight', f.name)}>
            {displayName(f)}
          </Link>{' '}
          {summarize(f)} · {formatAge(f.since)}
        </span>
      ) : many ? (
        `No freight from ${origin} yet`
      ) : (
        'No freight yet'
      )}
    </Typography>
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

function PromoteButton({
  stage,
  disabled = false,
  onClick,
}: {
  stage: string;
  disabled?: boolean;
  onClick?: () => void;
}) {
  return (
    <Button
      size="small"
      variant="outlined"
      className="nodrag"
      disabled={disabled}
      onClick={onClick}
      aria-label={`Promote to ${stage}`}
      sx={{ py: 0, minHeight: 0, alignSelf: 'flex-start' }}
    >
      Promote
    </Button>
  );
}

function StageNodeView({ data }: NodeProps<StageFlowNode>) {
  const { stage, hidden, hasDownstream, matched } = data;
  const { caps, open, startPromote, originColor, toggleCollapse } = useProject();
  const [dropHint, setDropHint] = useState<string | null>(null);
  const size = stageNodeSize(stage);
  const promote = stageDecision(caps, stage.name, 'promote');
  const origins = stage.requestedFreight.map((r) => r.origin.name);
  const onDragOver = (e: React.DragEvent) => {
    const f = draggedFreight();
    // Some drag sources (and automation) expose no types during dragover: the module state decides.
    if (!f && !e.dataTransfer.types.includes(FREIGHT_MIME)) return;
    const reason = !promote.allowed
      ? promote.reason
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
    if (!name || !promote.allowed) return;
    e.preventDefault();
    startPromote(stage.name, name);
  };
  return (
    <Box
      role="group"
      aria-label={`Stage ${stage.name}`}
      onDragOver={onDragOver}
      onDragLeave={() => setDropHint(null)}
      onDrop={onDrop}
      sx={{
        width: size.width,
        height: size.height,
        bgcolor: 'background.paper',
        border: 2,
        borderColor: matched ? 'warning.main' : dropHint ? 'primary.main' : 'divider',
        borderRadius: 2,
        overflow: 'hidden',
        fontSize: 12,
        boxShadow: matched ? 4 : 0,
      }}
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
      <Stack
        direction="row"
        sx={{
          px: 1,
          py: 0.5,
          bgcolor: stage.color ?? 'action.selected',
          color: stage.color ? contrastText(stage.color) : 'text.primary',
          alignItems: 'center',
          gap: 0.5,
        }}
      >
        <Link
          component="button"
          className="nodrag"
          onClick={() => open('stages', stage.name)}
          underline="hover"
          sx={{
            fontWeight: 600,
            color: 'inherit',
            flex: 1,
            textAlign: 'left',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
          }}
          aria-label={`Open stage ${stage.name}`}
        >
          {stage.name}
        </Link>
        <ArgoCdApps apps={stage.argocdApps} compact />
        {stage.autoPromotion.enabled && (
          // A native title: a Tooltip per node is costly to mount while panning big graphs.
          <span
            role="img"
            title={
              stage.autoPromotion.holds.length > 0
                ? `Auto-promotion held (${stage.autoPromotion.holds.map((h) => h.origin).join(', ')})`
                : 'Auto-promotion on'
            }
            aria-label={
              stage.autoPromotion.holds.length > 0 ? 'Auto-promotion held' : 'Auto-promotion on'
            }
          >
            {stage.autoPromotion.holds.length > 0 ? '⏸' : '⚡'}
          </span>
        )}
      </Stack>
      {dropHint ? (
        <Typography role="status" sx={{ p: 1, fontSize: 12 }}>
          {dropHint}
        </Typography>
      ) : (
        <Stack sx={{ px: 1, py: 0.5, gap: 0.5 }}>
          <Stack direction="row" sx={{ gap: 0.5 }}>
            {stage.controlFlow ? (
              <Tooltip title="No promotion steps: freight verified upstream passes through this stage on its own">
                <Chip
                  size="small"
                  variant="outlined"
                  label="Control flow"
                  aria-label="Control-flow stage: no promotion steps, freight verified upstream passes through"
                />
              </Tooltip>
            ) : (
              <>
                <Chip size="small" label={stage.phase} color={phaseColor[stage.phase]} />
                <Chip
                  size="small"
                  variant="outlined"
                  label={stage.health.status}
                  color={healthColor[stage.health.status]}
                />
              </>
            )}
            {(hasDownstream || hidden > 0) && (
              <Chip
                size="small"
                className="nodrag"
                variant="outlined"
                label={hidden > 0 ? `+${hidden} stages` : 'Collapse'}
                onClick={() => toggleCollapse(stage.name)}
                aria-label={
                  hidden > 0
                    ? `Expand ${hidden} stages after ${stage.name}`
                    : `Collapse the stages after ${stage.name}`
                }
              />
            )}
          </Stack>
          <FreightLines stage={stage} />
          <Typography noWrap sx={{ fontSize: 12 }} color="text.secondary">
            {stage.lastPromotion ? (
              <Link
                component="button"
                className="nodrag"
                color={
                  promotionPhaseColor(stage.lastPromotion.phase) === 'error' ? 'error' : 'inherit'
                }
                onClick={() => stage.lastPromotion && open('promotions', stage.lastPromotion.name)}
              >
                Last promotion {stage.lastPromotion.phase ?? ''}{' '}
                {formatAge(stage.lastPromotion.finishedAt)} ago
              </Link>
            ) : stage.controlFlow ? (
              'Takes no promotions'
            ) : (
              'Never promoted'
            )}
          </Typography>
          {promote.allowed ? (
            <PromoteButton onClick={() => startPromote(stage.name)} stage={stage.name} />
          ) : (
            <Tooltip title={promote.reason}>
              {/* A disabled button takes no focus: the wrapper does, so keyboard users can read why. */}
              <span tabIndex={0} className="nodrag">
                <PromoteButton disabled stage={stage.name} />
              </span>
            </Tooltip>
          )}
        </Stack>
      )}
    </Box>
  );
}

export const StageNode = memo(StageNodeView);
