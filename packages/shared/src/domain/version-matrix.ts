/** What the matrix reads of a stage: its name and the freight it holds (one per origin). */
export interface MatrixStage {
  name: string;
  controlFlow?: boolean;
  currentFreight: readonly {
    images: readonly { repoURL: string; tag?: string | undefined; digest?: string | undefined }[];
    charts: readonly { repoURL: string; name?: string | undefined; version?: string | undefined }[];
  }[];
}

export interface MatrixRow {
  kind: 'image' | 'chart';
  /** The image repository, or `repoURL/name` for a chart. */
  key: string;
  /** Per stage, the versions it runs (usually one; more when two freight carry the artifact). */
  cells: Record<string, string[]>;
  /** How many distinct versions run across the stages. */
  distinct: number;
}

/**
 * Which version of each image (and chart) runs in which stage, across a project: one row per
 * artifact any stage holds, one column per stage that runs promotion steps (control-flow stages
 * hold nothing of their own). Images read their tag, else the digest's first 12 characters.
 */
export function versionMatrix(stages: readonly MatrixStage[]): {
  stages: string[];
  rows: MatrixRow[];
} {
  const columns = stages.filter((s) => !s.controlFlow);
  const rows = new Map<string, MatrixRow>();
  const add = (kind: MatrixRow['kind'], key: string, stage: string, version: string) => {
    const id = `${kind}\u0000${key}`;
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { kind, key, cells: {}, distinct: 0 }));
    const cell = (row.cells[stage] ??= []);
    if (!cell.includes(version)) cell.push(version);
  };
  for (const s of columns)
    for (const f of s.currentFreight) {
      for (const i of f.images)
        add(
          'image',
          i.repoURL,
          s.name,
          i.tag ?? (i.digest ?? '').replace(/^sha256:/, '').slice(0, 12),
        );
      for (const c of f.charts)
        add('chart', c.name ? `${c.repoURL}/${c.name}` : c.repoURL, s.name, c.version ?? '');
    }
  const out = [...rows.values()].map((r) => ({
    ...r,
    distinct: new Set(Object.values(r.cells).flat()).size,
  }));
  out.sort((a, b) => a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
  return { stages: columns.map((s) => s.name), rows: out };
}
