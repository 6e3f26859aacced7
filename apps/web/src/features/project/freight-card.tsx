import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { FreightView } from '@wharf/shared/api';
import { memo, useState } from 'react';
import { Link as RouterLink } from 'react-router';
import { comparePath } from '@/lib/compare-path';
import { endFreightDrag, startFreightDrag } from '@/lib/drag';
import { displayName, versionsOf } from '@/lib/freight';
import { formatAge } from '@/lib/time';
import { FreightStageMenu } from './freight-stage-menu';
import { useProject } from './project-context';

const STRIPE = { flex: 1, height: 6, borderRadius: 1 } as const;
/** Three actions fit the card's width in sentence case. */
const ACTION = { py: 0, px: 0.5, minWidth: 0, fontSize: 12, textTransform: 'none' } as const;

interface Props {
  freight: FreightView;
  changed: ReadonlySet<string>;
  stageColor: (stage: string) => string;
}

function FreightCardView({ freight, changed, stageColor }: Props) {
  const { project, open, originColor } = useProject();
  const [menu, setMenu] = useState<{ anchor: HTMLElement; action: 'promote' | 'approve' } | null>(
    null,
  );
  const name = displayName(freight);
  return (
    <Card
      variant="outlined"
      draggable
      aria-roledescription="draggable freight"
      aria-label={`Freight ${name}`}
      onDragStart={(e) => startFreightDrag(e, { name: freight.name, origin: freight.origin.name })}
      onDragEnd={endFreightDrag}
      sx={{
        width: 190,
        height: 128,
        p: 1,
        display: 'flex',
        flexDirection: 'column',
        gap: 0.25,
        borderTop: 3,
        borderTopColor: originColor(freight.origin.name),
        cursor: 'grab',
      }}
    >
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
        <Link
          component="button"
          onClick={() => open('freight', freight.name)}
          sx={{ fontWeight: 600, fontSize: 13 }}
          aria-label={`Open freight ${name}`}
        >
          {name}
        </Link>
        <Typography variant="caption" color="text.secondary">
          {formatAge(freight.discoveredAt ?? freight.createdAt)}
        </Typography>
      </Stack>
      <Box sx={{ fontSize: 11, flex: 1, overflow: 'hidden' }}>
        {[...versionsOf(freight)].map(([source, v]) => (
          <Box
            key={source}
            title={`${source} ${v.version}${changed.has(source) ? ' (changed since the previous freight)' : ''}`}
            sx={{
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              fontWeight: changed.has(source) ? 700 : 400,
              color: changed.has(source) ? 'warning.main' : 'text.primary',
            }}
          >
            {changed.has(source) && <span aria-label="changed">▲ </span>}
            {source.split('/').pop()}: {v.version}
          </Box>
        ))}
      </Box>
      <Stack
        direction="row"
        sx={{ gap: 0.25, minHeight: 6 }}
        aria-label={`In stages: ${freight.currentlyIn.map((c) => c.stage).join(', ') || 'none'}`}
      >
        {/* A native title, not a Tooltip: the newest freight can sit in dozens of stages, and a
            Tooltip per stripe made the timeline the costliest part of opening a big project. */}
        {freight.currentlyIn.map((c) => (
          <Box
            key={c.stage}
            title={`In ${c.stage}`}
            sx={STRIPE}
            style={{ backgroundColor: stageColor(c.stage) }}
          />
        ))}
      </Stack>
      <Stack direction="row" sx={{ justifyContent: 'space-between' }}>
        <Button
          size="small"
          sx={ACTION}
          aria-haspopup="menu"
          aria-label={`Promote ${name} to a stage`}
          onClick={(e) => setMenu({ anchor: e.currentTarget, action: 'promote' })}
        >
          Promote
        </Button>
        <Button
          size="small"
          sx={ACTION}
          aria-haspopup="menu"
          aria-label={`Approve ${name} for a stage`}
          onClick={(e) => setMenu({ anchor: e.currentTarget, action: 'approve' })}
        >
          Approve
        </Button>
        <Button
          size="small"
          sx={ACTION}
          component={RouterLink}
          to={comparePath(project, { b: freight.alias ?? freight.name })}
          aria-label={`Compare ${name} with…`}
        >
          Compare
        </Button>
      </Stack>
      {menu && (
        <FreightStageMenu
          freight={freight}
          action={menu.action}
          anchor={menu.anchor}
          onClose={() => setMenu(null)}
        />
      )}
    </Card>
  );
}

export const FreightCard = memo(FreightCardView);
