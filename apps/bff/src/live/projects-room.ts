import type { ProjectsDelta, ProjectSummary } from '@wharf/shared/api';
import type { ReadModels } from '../read/read-models.js';
import { Coalescer, realTimers, type Timers } from './coalescer.js';
import { VersionLog } from './version-log.js';

/** The live project list: one summary upsert per project that changed in a window. */
export class ProjectsRoom {
  readonly log = new VersionLog<ProjectsDelta>();
  private readonly changes: Coalescer<string, string>;

  constructor(
    private readonly models: ReadModels,
    private readonly emit: (d: ProjectsDelta) => void,
    windowMs: number,
    timers: Timers = realTimers,
  ) {
    this.changes = new Coalescer(windowMs, (b) => this.flush([...b.keys()]), timers);
  }

  change(project: string): void {
    this.changes.add(project, project);
  }

  /** Summaries of every project; the socket layer filters by what the caller may see. */
  snapshot(): { version: string; items: ProjectSummary[] } {
    const items = this.models
      .projects()
      .map((p) => this.models.summary(p))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { version: this.log.version, items };
  }

  reset(): void {
    this.changes.clear();
    this.log.reset();
  }

  stop(): void {
    this.changes.clear();
  }

  private flush(names: string[]): void {
    const upserts: ProjectSummary[] = [];
    const deletes: string[] = [];
    for (const name of names) {
      const p = this.models.projects().find((x) => x.metadata.name === name);
      if (p) upserts.push(this.models.summary(p));
      else deletes.push(name);
    }
    this.emit(
      this.log.append((version, previousVersion) => ({
        version,
        previousVersion,
        upserts,
        deletes,
      })),
    );
  }
}
