import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { useMutation } from '@tanstack/react-query';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { WarehouseView } from '@wharf/shared/api';
import { memo } from 'react';
import { refreshWarehouse } from '@/lib/api/actions';
import { projectDecision } from '@/lib/api/project';
import { useDecision } from './capabilities-store';
import { useProject } from './project-context';

export type WarehouseNodeData = { warehouse: WarehouseView };
export type WarehouseFlowNode = Node<WarehouseNodeData, 'warehouse'>;
export const WAREHOUSE_SIZE = { width: 200, height: 84 };

/** Pending from the click until the controller reports the refresh handled (status.lastHandledRefresh). */
export function RefreshWarehouseButton({ warehouse }: { warehouse: WarehouseView }) {
  const { project } = useProject();
  const decision = useDecision((caps) => projectDecision(caps, 'refreshWarehouse'));
  const mutation = useMutation({ mutationFn: () => refreshWarehouse(project, warehouse.name) });
  const pending = mutation.isPending || warehouse.refresh.pending;
  return (
    <Tooltip title={decision.allowed ? '' : decision.reason}>
      <span>
        <Button
          size="small"
          className="nodrag"
          disabled={!decision.allowed || pending}
          onClick={() => mutation.mutate()}
          aria-label={pending ? `Refreshing ${warehouse.name}` : `Refresh ${warehouse.name}`}
          startIcon={pending ? <CircularProgress size={12} aria-hidden /> : undefined}
          sx={{ py: 0 }}
        >
          {pending ? 'Refreshing' : 'Refresh'}
        </Button>
      </span>
    </Tooltip>
  );
}

function WarehouseNodeView({ data }: NodeProps<WarehouseFlowNode>) {
  const { warehouse } = data;
  const { open, originColor } = useProject();
  const color = originColor(warehouse.name);
  return (
    <Box
      role="group"
      aria-label={`Warehouse ${warehouse.name}`}
      sx={{
        width: WAREHOUSE_SIZE.width,
        height: WAREHOUSE_SIZE.height,
        bgcolor: 'background.paper',
        border: 2,
        borderColor: color,
        borderRadius: 2,
        p: 1,
        fontSize: 12,
      }}
    >
      <Handle type="target" position={Position.Left} />
      <Handle type="source" position={Position.Right} style={{ background: color }} />
      <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5 }}>
        <Link
          component="button"
          className="nodrag"
          onClick={() => open('warehouses', warehouse.name)}
          sx={{ fontWeight: 600 }}
          aria-label={`Open warehouse ${warehouse.name}`}
        >
          {warehouse.name}
        </Link>
        {warehouse.health === 'Reconciling' && (
          <CircularProgress size={12} aria-label="Discovering" />
        )}
        {warehouse.health === 'Unhealthy' && (
          <Tooltip title={warehouse.message ?? 'Not healthy'}>
            <Chip size="small" color="error" label="Error" />
          </Tooltip>
        )}
      </Stack>
      <Box sx={{ color: 'text.secondary' }}>{warehouse.subscriptions.length} subscription(s)</Box>
      <RefreshWarehouseButton warehouse={warehouse} />
    </Box>
  );
}

export const WarehouseNode = memo(WarehouseNodeView);

export type SubscriptionNodeData = { label: string; detail?: string };
export type SubscriptionFlowNode = Node<SubscriptionNodeData, 'subscription'>;
export const SUBSCRIPTION_SIZE = { width: 200, height: 44 };

function SubscriptionNodeView({ data }: NodeProps<SubscriptionFlowNode>) {
  return (
    <Box
      title={data.label}
      sx={{
        width: SUBSCRIPTION_SIZE.width,
        height: SUBSCRIPTION_SIZE.height,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        px: 1,
        fontSize: 11,
        overflow: 'hidden',
        bgcolor: 'background.default',
      }}
    >
      <Box sx={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
        {data.label}
      </Box>
      {data.detail && (
        <Box
          sx={{
            color: 'text.secondary',
            whiteSpace: 'nowrap',
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          }}
        >
          {data.detail}
        </Box>
      )}
      <Handle type="source" position={Position.Right} />
    </Box>
  );
}

export const SubscriptionNode = memo(SubscriptionNodeView);
