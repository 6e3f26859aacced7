import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { GrantPlan } from './grant-plan';

function Lines({ title, lines }: { title: string; lines: string[] }) {
  return (
    <Box sx={{ flex: 1, minWidth: 0 }}>
      <Typography variant="subtitle2" component="h3">
        {title}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2, fontFamily: 'monospace', fontSize: 13 }}>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </Box>
    </Box>
  );
}

/** The role's claims or permissions before and after, and the calls that will make the change. */
export function GrantPreview({ plan, isClaim }: { plan: GrantPlan; isClaim: boolean }) {
  const what = isClaim ? 'Mapped claims' : 'Permissions';
  return (
    <Box component="section" aria-label="Resulting change">
      <Stack direction="row" sx={{ gap: 3 }}>
        <Lines title={`${what} now`} lines={plan.before} />
        <Lines title={`${what} after`} lines={plan.after} />
      </Stack>
      {plan.steps.length > 0 && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
          Calls:{' '}
          {plan.steps
            .map(
              (s) =>
                `${s.method} ${s.target} ${JSON.stringify('claims' in s.body ? s.body.claims : s.body.permissions)}`,
            )
            .join('; ')}
        </Typography>
      )}
      {plan.notes.map((n) => (
        <Alert key={n} severity="info" sx={{ mt: 1 }}>
          {n}
        </Alert>
      ))}
    </Box>
  );
}
