import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { type GrantPlan, type PreviewLine, markChanges } from './grant-plan';

const MARK = { added: '+ ', removed: '− ', same: '' };
const LABEL = { added: ' (added)', removed: ' (removed)', same: '' };

function Lines({ title, lines }: { title: string; lines: PreviewLine[] }) {
  return (
    <Box sx={{ flex: 1, minWidth: 0 }}>
      <Typography variant="subtitle2" component="h3">
        {title}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2, fontFamily: 'monospace', fontSize: 13 }}>
        {lines.map((l) => (
          <Box
            component="li"
            key={l.text}
            sx={{
              color:
                l.change === 'added'
                  ? 'success.main'
                  : l.change === 'removed'
                    ? 'error.main'
                    : 'text.primary',
              fontWeight: l.change === 'same' ? 'normal' : 'bold',
            }}
          >
            <span aria-hidden="true">{MARK[l.change]}</span>
            {l.text}
            <Box component="span" sx={{ position: 'absolute', left: -10000 }}>
              {LABEL[l.change]}
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}

/** The role's claims or permissions before and after, and the calls that will make the change. */
export function GrantPreview({ plan, isClaim }: { plan: GrantPlan; isClaim: boolean }) {
  const what = isClaim ? 'Mapped claims' : 'Permissions';
  const marked = markChanges(plan);
  return (
    <Box component="section" aria-label="Resulting change">
      <Stack direction="row" sx={{ gap: 3 }}>
        <Lines title={`${what} now`} lines={marked.before} />
        <Lines title={`${what} after`} lines={marked.after} />
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
