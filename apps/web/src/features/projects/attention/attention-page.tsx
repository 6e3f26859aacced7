import Box from '@mui/material/Box';
import { AttentionSection } from './attention-section';

/** /attention: everything that needs attention, with the recent-activity feed. */
export function AttentionPage() {
  return (
    <Box sx={{ p: 3, overflow: 'auto' }}>
      <AttentionSection page />
    </Box>
  );
}
