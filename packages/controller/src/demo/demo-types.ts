import type { Files } from './git-seed.js';

export interface DemoRepo {
  dir: string;
  files: Files;
  tag?: string;
  bare?: boolean;
  /** Extra branches (copies of main) of a bare repository. */
  branches?: string[];
}

export interface DemoObject {
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec: Record<string, unknown>;
}

export interface DemoProject {
  name: string;
  repos: DemoRepo[];
  config: Record<string, unknown>;
  warehouses: DemoObject[];
  tasks: DemoObject[];
  stages: DemoObject[];
}
