// Field paths as Kubernetes prints them: `spec.steps[0].uses`, map keys as `.key`.

export function child(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

/** A CRD-definition path for a property name: `properties[spec]`. */
export function keyed(path: string, name: string, key: string): string {
  return `${child(path, name)}[${key}]`;
}
