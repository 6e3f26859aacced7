import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import type { RoleClaim } from '@wharf/shared/api';

/** Every claim of a role, whatever its name (`groups`, `email`, or any custom claim). */
export function ClaimChips({ claims }: { claims: readonly RoleClaim[] }) {
  if (claims.length === 0) return <span>none</span>;
  return (
    <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
      {claims.flatMap((c) =>
        c.values.map((v) => <Chip key={`${c.name}=${v}`} size="small" label={`${c.name}: ${v}`} />),
      )}
    </Stack>
  );
}
