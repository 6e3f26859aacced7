import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import type { WarehouseView } from '@wharf/shared/api';
import type { ReactNode } from 'react';
import { discoveredArtifactsQuery } from '@/lib/api/project';
import { formatAge } from '@/lib/time';

function Section({
  title,
  head,
  rows,
}: {
  title: string;
  head: string[];
  rows: { key: string; cells: ReactNode[] }[];
}) {
  if (rows.length === 0) return null;
  const id = `discovered-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id}>
      <Typography variant="subtitle2" component="h3" id={id}>
        {title}
      </Typography>
      <Table size="small" aria-labelledby={id}>
        <TableHead>
          <TableRow>
            {head.map((h) => (
              <TableCell key={h}>{h}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.key}>
              {r.cells.map((c, i) => (
                <TableCell key={i} sx={{ wordBreak: 'break-all' }}>
                  {c}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

const short = (s: string | undefined) => (s ? s.replace(/^sha256:/, '').slice(0, 12) : '');

/** `status.discoveredArtifacts`: what the last discovery found, per subscription, newest first. */
export function DiscoveredArtifactsTab({
  project,
  warehouse,
}: {
  project: string;
  warehouse: WarehouseView;
}) {
  const q = useQuery(discoveredArtifactsQuery(project, warehouse.name, warehouse.resourceVersion));
  if (q.isPending) return <p role="status">Loading discovered artifacts…</p>;
  if (q.isError)
    return (
      <Alert severity="error">Discovered artifacts could not be loaded: {q.error.message}</Alert>
    );
  const d = q.data;
  const empty = d.images.length + d.git.length + d.charts.length + d.generic.length === 0;
  return (
    <Stack sx={{ gap: 2 }}>
      {warehouse.freightCreationPolicy === 'Manual' && (
        <Alert severity="info">
          Freight creation is Manual: Kargo keeps what it discovers here and makes no freight by
          itself. Freight is assembled from these versions.
        </Alert>
      )}
      <Typography variant="body2" color="text.secondary">
        {d.discoveredAt
          ? `Discovered ${formatAge(d.discoveredAt)} ago.`
          : 'No discovery has finished yet.'}
      </Typography>
      {empty && d.discoveredAt && <p>The last discovery found nothing.</p>}
      {d.images.map((i) => (
        <Section
          key={`image:${i.repoURL}`}
          title={`Images: ${i.repoURL}${i.platform ? ` (${i.platform})` : ''}`}
          head={['Tag', 'Digest', 'Created']}
          rows={i.references.map((r) => ({
            key: r.digest,
            cells: [
              r.tag,
              <span title={r.digest}>{short(r.digest)}</span>,
              r.createdAt ? `${formatAge(r.createdAt)} ago` : '—',
            ],
          }))}
        />
      ))}
      {d.git.map((g) => (
        <Section
          key={`git:${g.repoURL}`}
          title={`Commits: ${g.repoURL}`}
          head={['Commit', 'Subject', 'Author', 'Date']}
          rows={g.commits.map((c, n) => ({
            key: c.id ?? String(n),
            cells: [
              <span title={c.id}>{c.tag ?? c.id?.slice(0, 7)}</span>,
              c.subject ?? '',
              c.author ?? '',
              c.creatorDate ? `${formatAge(c.creatorDate)} ago` : '—',
            ],
          }))}
        />
      ))}
      {d.charts.map((c) => (
        <Section
          key={`chart:${c.repoURL}/${c.name ?? ''}`}
          title={`Chart versions: ${c.repoURL}${c.name ? `/${c.name}` : ''}`}
          head={['Version']}
          rows={c.versions.map((v) => ({ key: v, cells: [v] }))}
        />
      ))}
      {d.generic.map((g) => (
        <Section
          key={`generic:${g.subscriptionName}`}
          title={`Artifacts: ${g.subscriptionName}`}
          head={['Version', 'Type']}
          rows={g.versions.map((v) => ({
            key: v.version,
            cells: [v.version, v.artifactType ?? '—'],
          }))}
        />
      ))}
    </Stack>
  );
}
