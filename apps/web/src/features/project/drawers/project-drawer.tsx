import Alert from '@mui/material/Alert';
import Drawer from '@mui/material/Drawer';
import LinearProgress from '@mui/material/LinearProgress';
import { useFreightByNames } from '@/lib/live/freight-window';
import { usePromotion } from '@/lib/live/promotion-window';
import { useProjectState } from '../project-context';
import { FreightDrawer } from './freight-drawer';
import { PromotionDrawer } from './promotion-drawer';
import { StageDrawer } from './stage-drawer';
import { WarehouseDrawer } from './warehouse-drawer';

function Loading({ what, onClose }: { what: string; onClose: () => void }) {
  return (
    <Drawer anchor="right" open onClose={onClose}>
      <LinearProgress aria-label={`Loading ${what}`} sx={{ width: 480 }} />
    </Drawer>
  );
}

/** The drawer for /projects/:p/:kind/:name, fed from the live state so it updates by itself. */
export function ProjectDrawer({
  kind,
  name,
  onClose,
}: {
  kind: string;
  name: string;
  onClose: () => void;
}) {
  const state = useProjectState();
  const freight = useFreightByNames(state, kind === 'freight' ? [name] : []);
  const promotion = usePromotion(state, kind === 'promotions' ? name : undefined);
  if (kind === 'stages') {
    const s = state.stages.get(name);
    if (s) return <StageDrawer stage={s} onClose={onClose} />;
  } else if (kind === 'freight') {
    const f = freight.get(name);
    if (f) return <FreightDrawer freight={f} onClose={onClose} />;
    if (freight.loading) return <Loading what="freight" onClose={onClose} />;
  } else if (kind === 'promotions') {
    const p = promotion.promotion;
    if (p) return <PromotionDrawer promotion={p} onClose={onClose} />;
    if (promotion.loading) return <Loading what="promotion" onClose={onClose} />;
  } else if (kind === 'warehouses') {
    const w = state.warehouses.get(name);
    if (w) return <WarehouseDrawer warehouse={w} onClose={onClose} />;
  }
  return (
    <Drawer anchor="right" open onClose={onClose}>
      <Alert severity="info" sx={{ m: 2, maxWidth: 480 }}>
        {kind === 'promotions'
          ? `Waiting for promotion ${name} to appear…`
          : `No ${kind.replace(/s$/, '')} named ${name} in this project. It may have been deleted.`}
      </Alert>
    </Drawer>
  );
}
