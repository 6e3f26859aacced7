import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  ReactFlowProvider,
  type Node,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useColorScheme } from '@mui/material/styles';
import { useEffect, useMemo } from 'react';
import { useLayout } from '@/lib/graph/use-layout';
import { useProject, useProjectState } from './project-context';
import { StageNode } from './stage-node';
import { useFlowElements } from './use-flow-elements';
import { SubscriptionNode, WarehouseNode } from './warehouse-node';

/** Positioned copy of each node: unchanged nodes keep their identity across renders. */
const positioned = new WeakMap<Node, Node>();

const nodeTypes = { stage: StageNode, warehouse: WarehouseNode, subscription: SubscriptionNode };

interface Props {
  warehouse: string;
  collapsed: ReadonlySet<string>;
  search: string;
}

function Graph({ warehouse, collapsed, search }: Props) {
  const state = useProjectState();
  const { originColor } = useProject();
  const { mode, systemMode } = useColorScheme();
  const { key, layoutInput, nodesWithoutPosition, edges, matches } = useFlowElements(
    state,
    { warehouse, collapsed, search },
    originColor,
  );
  const positions = useLayout(key, layoutInput);
  const nodes = useMemo(() => {
    if (!positions) return [];
    return nodesWithoutPosition.map((n) => {
      const pos = positions[n.id] ?? { x: 0, y: 0 };
      const prev = positioned.get(n);
      if (prev && prev.position.x === pos.x && prev.position.y === pos.y) return prev;
      const node = { ...n, position: pos };
      positioned.set(n, node);
      return node;
    });
  }, [nodesWithoutPosition, positions]);
  const flow = useReactFlow();
  const matchKey = matches.join('|');
  useEffect(() => {
    if (!positions) return;
    const ids = matchKey ? matchKey.split('|') : [];
    void flow.fitView(
      ids.length > 0
        ? { nodes: ids.map((id) => ({ id })), duration: 300, maxZoom: 1.2 }
        : { duration: 0 },
    );
  }, [matchKey, positions, flow]);
  if (!positions) return <LinearProgress aria-label="Laying out the pipeline" />;
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      colorMode={(mode === 'system' ? systemMode : mode) === 'dark' ? 'dark' : 'light'}
      onlyRenderVisibleElements
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      minZoom={0.05}
      fitView
      proOptions={{ hideAttribution: true }}
      aria-label="Pipeline graph"
    >
      <Background />
      <Controls showInteractive={false} />
      <MiniMap
        pannable
        zoomable
        ariaLabel="Minimap"
        nodeColor={(n) => (n.type === 'warehouse' ? '#888' : '#bbb')}
      />
    </ReactFlow>
  );
}

export function GraphView(props: Props) {
  return (
    <Box sx={{ flex: 1, minHeight: 0 }} data-testid="pipeline-graph">
      <ReactFlowProvider>
        <Graph {...props} />
      </ReactFlowProvider>
    </Box>
  );
}
