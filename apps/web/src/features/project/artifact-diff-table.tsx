import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  forgeCommitUrl,
  type ArtifactChange,
  type ArtifactDiffRow,
  type ArtifactKind,
} from '@wharf/shared';

const CHANGE_COLOR: Record<ArtifactChange, 'success' | 'warning' | 'error' | 'default'> = {
  NEW: 'success',
  CHANGED: 'warning',
  REMOVED: 'error',
  UNCHANGED: 'default',
};
/** A promotion reads as current → incoming; a comparison as A beside B. */
const WORDS = {
  promote: {
    table: 'Current and incoming artifacts',
    a: 'Current',
    b: 'Incoming',
    change: { NEW: 'New', REMOVED: 'Removed', CHANGED: 'Changed', UNCHANGED: 'Same' },
  },
  compare: {
    table: 'Artifacts of A and B',
    a: 'A',
    b: 'B',
    change: { NEW: 'Only in B', REMOVED: 'Only in A', CHANGED: 'Changed', UNCHANGED: 'Same' },
  },
} satisfies Record<
  string,
  { table: string; a: string; b: string; change: Record<ArtifactChange, string> }
>;
const KIND_WORD: Record<ArtifactKind, string> = {
  commit: 'Git',
  image: 'Image',
  chart: 'Chart',
  artifact: 'Artifact',
};

/** One side of a row: the version, and what a person needs to tell versions apart. */
function Side({ row, side }: { row: ArtifactDiffRow; side: 'current' | 'incoming' }) {
  const label = side === 'current' ? row.current : row.incoming;
  const a = side === 'current' ? row.currentArtifact : row.incomingArtifact;
  if (!label || !a) return <>—</>;
  const commit = row.kind === 'commit' ? (a as { id?: string; message?: string }) : undefined;
  const digest = row.kind === 'image' ? (a as { digest?: string }).digest : undefined;
  const commitUrl = commit?.id ? forgeCommitUrl(row.key, commit.id) : undefined;
  return (
    <>
      {commitUrl ? (
        <Link href={commitUrl} target="_blank" rel="noreferrer">
          {label}
        </Link>
      ) : (
        label
      )}
      {commit?.message && (
        <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-line' }}>
          {commit.message.split('\n')[0]}
        </Typography>
      )}
      {digest && (
        <Typography
          variant="caption"
          color="text.secondary"
          sx={{ display: 'block', wordBreak: 'break-all' }}
        >
          {digest}
        </Typography>
      )}
    </>
  );
}

/**
 * Each artifact of one freight beside another's (shared diffFreight rows), with what changed,
 * image digests, commit messages and the forge's compare link: the promote confirmation
 * (current → incoming) and the compare page (A beside B).
 */
export function ArtifactDiffTable({
  rows,
  mode,
}: {
  rows: readonly ArtifactDiffRow[];
  mode: keyof typeof WORDS;
}) {
  const words = WORDS[mode];
  return (
    <Table size="small" aria-label={words.table}>
      <TableHead>
        <TableRow>
          <TableCell>Artifact</TableCell>
          <TableCell>{words.a}</TableCell>
          <TableCell>{words.b}</TableCell>
          <TableCell>Change</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r, i) => (
          <TableRow key={`${r.kind}:${r.key}:${i}`}>
            <TableCell sx={{ wordBreak: 'break-all' }}>
              <Typography variant="caption" color="text.secondary" component="div">
                {KIND_WORD[r.kind]}
              </Typography>
              {r.key}
            </TableCell>
            <TableCell>
              <Side row={r} side="current" />
            </TableCell>
            <TableCell>
              <Side row={r} side="incoming" />
            </TableCell>
            <TableCell>
              <Chip size="small" label={words.change[r.change]} color={CHANGE_COLOR[r.change]} />
              {r.compareUrl && (
                <Link
                  href={r.compareUrl}
                  target="_blank"
                  rel="noreferrer"
                  sx={{ display: 'block', mt: 0.5 }}
                >
                  Compare on the forge
                </Link>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
