import type { ProjectSummary } from '@wharf/shared/api';

/** Text filter on name and description; starred first, then by name. */
export function filterProjects(
  items: readonly ProjectSummary[],
  query: string,
  starred: ReadonlySet<string>,
  starredOnly: boolean,
): ProjectSummary[] {
  const q = query.trim().toLowerCase();
  return items
    .filter((p) => !starredOnly || starred.has(p.name))
    .filter(
      (p) =>
        !q || p.name.toLowerCase().includes(q) || (p.description ?? '').toLowerCase().includes(q),
    )
    .sort(
      (a, b) =>
        Number(starred.has(b.name)) - Number(starred.has(a.name)) || a.name.localeCompare(b.name),
    );
}
