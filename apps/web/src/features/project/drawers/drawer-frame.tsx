import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { useSearchParam } from '@/lib/use-search-param';

interface Props {
  title: string;
  subtitle?: ReactNode;
  tabs: { id: string; label: string; render: () => ReactNode }[];
  actions?: ReactNode;
  onClose: () => void;
}

/** A right-hand drawer whose tab lives in the URL (`?tab=`), so every tab has its own link. */
export function DrawerFrame({ title, subtitle, tabs, actions, onClose }: Props) {
  const [tab, setTab] = useSearchParam('tab');
  const active = tabs.find((t) => t.id === tab) ?? tabs[0];
  return (
    <Drawer
      anchor="right"
      open
      onClose={onClose}
      slotProps={{ paper: { sx: { width: { xs: '100%', md: 640 } }, 'aria-label': title } }}
    >
      <Stack direction="row" sx={{ p: 2, pb: 0, alignItems: 'flex-start' }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="h6" component="h2" sx={{ wordBreak: 'break-all' }}>
            {title}
          </Typography>
          {subtitle && <Box sx={{ color: 'text.secondary', fontSize: 14 }}>{subtitle}</Box>}
        </Box>
        <IconButton aria-label="Close" onClick={onClose}>
          <span aria-hidden="true">✕</span>
        </IconButton>
      </Stack>
      {actions && (
        <Stack direction="row" sx={{ px: 2, py: 1, gap: 1, flexWrap: 'wrap' }}>
          {actions}
        </Stack>
      )}
      <Tabs
        value={active?.id ?? false}
        onChange={(_e, v: string) => setTab(v)}
        variant="scrollable"
        sx={{ px: 1 }}
        aria-label={`${title} tabs`}
      >
        {tabs.map((t) => (
          <Tab key={t.id} value={t.id} label={t.label} />
        ))}
      </Tabs>
      <Box sx={{ p: 2, overflow: 'auto', flex: 1 }}>{active?.render()}</Box>
    </Drawer>
  );
}
