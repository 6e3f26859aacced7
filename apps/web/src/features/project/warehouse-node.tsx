import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Tooltip from '@mui/material/Tooltip';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { WarehouseView } from '@wharf/shared/api';
import { memo } from 'react';
import { guarded } from './graph-guard';
import { pillProps } from './graph-pill';
import { useProject } from './project-context';
import { useWarehouseRefresh } from './use-warehouse-refresh';
import './graph-nodes.css';

// Plain elements on graph-nodes.css, as the stage node: the graph opens at its warehouses.

export type WarehouseNodeData = { warehouse: WarehouseView };
export type WarehouseFlowNode = Node<WarehouseNodeData, 'warehouse'>;
export const WAREHOUSE_SIZE = { width: 200, height: 84 };

const refreshLabel = (name: string, pending: boolean) =>
  pending ? `Refreshing ${name}` : `Refresh ${name}`;

/** The warehouse drawer's Refresh. */
export function RefreshWarehouseButton({ warehouse }: { warehouse: WarehouseView }) {
  const { decision, pending, refresh } = useWarehouseRefresh(warehouse);
  return (
    <Tooltip title={decision.allowed ? '' : decision.reason}>
      <span>
        <Button
          size="small"
          disabled={!decision.allowed || pending}
          onClick={refresh}
          aria-label={refreshLabel(warehouse.name, pending)}
          startIcon={pending ? <CircularProgress size={12} aria-hidden /> : undefined}
          sx={{ py: 0 }}
        >
          {pending ? 'Refreshing' : 'Refresh'}
        </Button>
      </span>
    </Tooltip>
  );
}

/** The node's Refresh; when refused, a focusable wrapper shows why (the graph's tooltip). */
function NodeRefresh({ warehouse }: { warehouse: WarehouseView }) {
  const { decision, pending, refresh } = useWarehouseRefresh(warehouse);
  const button = (
    <button
      type="button"
      className="graph-button nodrag"
      data-variant="text"
      disabled={!decision.allowed || pending}
      onClick={refresh}
      aria-label={refreshLabel(warehouse.name, pending)}
    >
      {pending && <span className="graph-spinner" aria-hidden />}
      {pending ? 'Refreshing' : 'Refresh'}
    </button>
  );
  return guarded(decision, button);
}

function WarehouseNodeView({ data }: NodeProps<WarehouseFlowNode>) {
  const { warehouse } = data;
  const { open, originColor } = useProject();
  const color = originColor(warehouse.name);
  return (
    <div
      role="group"
      aria-label={`Warehouse ${warehouse.name}`}
      className="warehouse-node"
      style={{ width: WAREHOUSE_SIZE.width, height: WAREHOUSE_SIZE.height, borderColor: color }}
    >
      <Handle type="target" position={Position.Left} />
      <Handle type="source" position={Position.Right} style={{ background: color }} />
      <div className="stage-node__row">
        <button
          type="button"
          className="graph-link warehouse-node__name nodrag"
          onClick={() => open('warehouses', warehouse.name)}
          aria-label={`Open warehouse ${warehouse.name}`}
        >
          {warehouse.name}
        </button>
        {warehouse.health === 'Reconciling' && (
          <span className="graph-spinner" role="progressbar" aria-label="Discovering" />
        )}
        {warehouse.health === 'Unhealthy' && (
          <span {...pillProps('error')} data-tip={warehouse.message ?? 'Not healthy'}>
            Error
          </span>
        )}
      </div>
      <div className="stage-node__secondary">{warehouse.subscriptions.length} subscription(s)</div>
      <NodeRefresh warehouse={warehouse} />
    </div>
  );
}

export const WarehouseNode = memo(WarehouseNodeView);

export type SubscriptionNodeData = { label: string; detail?: string };
export type SubscriptionFlowNode = Node<SubscriptionNodeData, 'subscription'>;
export const SUBSCRIPTION_SIZE = { width: 200, height: 44 };

function SubscriptionNodeView({ data }: NodeProps<SubscriptionFlowNode>) {
  return (
    <div
      data-tip={data.label}
      className="subscription-node"
      style={{ width: SUBSCRIPTION_SIZE.width, height: SUBSCRIPTION_SIZE.height }}
    >
      <div className="stage-node__line">
        <span>{data.label}</span>
      </div>
      {data.detail && (
        <div className="stage-node__line stage-node__secondary">
          <span>{data.detail}</span>
        </div>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

export const SubscriptionNode = memo(SubscriptionNodeView);
