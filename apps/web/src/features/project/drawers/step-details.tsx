import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { PromotionStepView } from '@wharf/shared/api';
import { useId, useState } from 'react';
import { stringify } from 'yaml';

function YamlBlock({ label, value }: { label: string; value: Record<string, unknown> }) {
  return (
    <>
      <Typography variant="caption" component="h4" sx={{ fontWeight: 600 }}>
        {label}
      </Typography>
      <Box
        component="pre"
        aria-label={label}
        sx={{
          fontSize: 12,
          m: 0,
          p: 1,
          bgcolor: 'action.hover',
          color: 'text.primary',
          borderRadius: 1,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-all',
        }}
      >
        {stringify(value)}
      </Box>
    </>
  );
}

/** A step's config (as written in the Promotion) and its output (from status.state), on demand. */
export function StepDetails({ step }: { step: PromotionStepView }) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  if (!step.config && !step.output) return null;
  return (
    <Box sx={{ mt: 0.5 }}>
      <Button
        size="small"
        color="inherit"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen((o) => !o)}
        sx={{ p: 0, minHeight: 0, textTransform: 'none' }}
      >
        {open ? '▾' : '▸'} Details of step {step.alias}
      </Button>
      {open && (
        <Box id={regionId} role="region" aria-label={`Step ${step.alias} details`}>
          {step.config && <YamlBlock label={`Config of ${step.alias}`} value={step.config} />}
          {step.output ? (
            <YamlBlock label={`Output of ${step.alias}`} value={step.output} />
          ) : (
            <Typography variant="caption" component="p">
              No output yet.
            </Typography>
          )}
        </Box>
      )}
    </Box>
  );
}
