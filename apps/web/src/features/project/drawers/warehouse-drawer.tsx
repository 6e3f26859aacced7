import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import type { WarehouseView } from '@wharf/shared/api';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { projectDecision } from '@/lib/api/capabilities';
import { DeleteDialog } from '@/lib/authoring/delete-dialog';
import { GuardedButton } from '@/lib/guarded-button';
import { displayName, summarize } from '@/lib/freight';
import { useFreightWindow } from '@/lib/live/freight-window';
import { formatAge } from '@/lib/time';
import { useProject, useProjectState } from '../project-context';
import { useCapabilities } from '../capabilities-store';
import { RefreshWarehouseButton } from '../warehouse-node';
import { AssembleFreight } from './assemble-freight';
import { ConditionsTable } from './conditions-table';
import { DiscoveredArtifactsTab } from './discovered-artifacts-tab';
import { DrawerFrame } from './drawer-frame';
import { LiveManifest } from './live-manifest';

export function WarehouseDrawer({
  warehouse,
  onClose,
}: {
  warehouse: WarehouseView;
  onClose: () => void;
}) {
  const { project, open } = useProject();
  const caps = useCapabilities();
  const navigate = useNavigate();
  const [deleting, setDeleting] = useState(false);
  const state = useProjectState();
  const filter = useMemo(() => ({ origin: warehouse.name }), [warehouse.name]);
  const freight = useFreightWindow(state, filter, 0);
  return (
    <DrawerFrame
      title={`Warehouse ${warehouse.name}`}
      subtitle={`${warehouse.health} · every ${warehouse.interval} · ${warehouse.freightCreationPolicy} freight creation · last discovery ${formatAge(warehouse.discoveredAt)} ago`}
      onClose={onClose}
      actions={
        <>
          <RefreshWarehouseButton warehouse={warehouse} />
          <GuardedButton
            decision={projectDecision(caps, 'updateWarehouse')}
            onClick={() =>
              void navigate(
                `/projects/${encodeURIComponent(project)}/edit/warehouses/${encodeURIComponent(warehouse.name)}`,
              )
            }
          >
            Edit
          </GuardedButton>
          <GuardedButton
            decision={projectDecision(caps, 'deleteWarehouse')}
            color="error"
            onClick={() => setDeleting(true)}
          >
            Delete
          </GuardedButton>
          {deleting && (
            <DeleteDialog
              target={{ resource: 'warehouses', project, name: warehouse.name }}
              onClose={() => setDeleting(false)}
              onDeleted={onClose}
            />
          )}
        </>
      }
      tabs={[
        {
          id: 'subscriptions',
          label: 'Subscriptions',
          render: () => (
            <>
              {warehouse.message && warehouse.health !== 'Healthy' && (
                <Alert severity="warning">{warehouse.message}</Alert>
              )}
              <List dense aria-label="Subscriptions">
                {warehouse.subscriptions.map((s, i) => (
                  <ListItem key={i}>
                    <ListItemText
                      primary={`${s.type === 'other' ? 'generic' : s.type}: ${s.repoURL ?? s.name ?? ''}`}
                      secondary={s.type === 'other' && s.detail ? `type ${s.detail}` : s.detail}
                    />
                  </ListItem>
                ))}
              </List>
              <ConditionsTable conditions={warehouse.conditions} />
            </>
          ),
        },
        {
          id: 'artifacts',
          label: 'Discovered artifacts',
          render: () => <DiscoveredArtifactsTab project={project} warehouse={warehouse} />,
        },
        {
          id: 'freight',
          label: `Freight (${freight.total ?? '…'})`,
          render: () => (
            <List dense aria-label="Freight">
              {freight.items.map((f) => (
                <ListItem key={f.name}>
                  <ListItemText
                    primary={
                      <Link component="button" onClick={() => open('freight', f.name)}>
                        {displayName(f)}
                      </Link>
                    }
                    secondary={`${summarize(f)} · ${formatAge(f.discoveredAt ?? f.createdAt)} ago`}
                  />
                </ListItem>
              ))}
              {freight.hasMore && (
                <ListItem>
                  <Button onClick={freight.loadMore} disabled={freight.loadingMore}>
                    {freight.loadingMore ? 'Loading…' : 'Show older freight'}
                  </Button>
                </ListItem>
              )}
            </List>
          ),
        },
        {
          id: 'assemble',
          label: 'Assemble freight',
          render: () => <AssembleFreight warehouse={warehouse} />,
        },
        {
          id: 'yaml',
          label: 'Live manifest',
          render: () => (
            <LiveManifest project={project} resource="warehouses" name={warehouse.name} />
          ),
        },
      ]}
    />
  );
}
