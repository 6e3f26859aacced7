const base = (project: string) => `/projects/${encodeURIComponent(project)}/settings/access`;

export const accessPath = base;
export const newRolePath = (project: string) => `${base(project)}/new`;
export const rolePath = (project: string, role: string) =>
  `${base(project)}/roles/${encodeURIComponent(role)}`;
