import type { EventView, ProjectDelta, ProjectsDelta } from '@wharf/shared/api';
import type { CacheChange, ClusterCache } from '../cache/cluster-cache.js';
import type { ReadModels } from '../read/read-models.js';
import { realTimers, type Timers } from './coalescer.js';
import { ProjectRoom, type RoomChangeKind } from './project-room.js';
import { ProjectsRoom } from './projects-room.js';

export interface HubOutput {
  projectDelta(d: ProjectDelta): void;
  events(project: string, events: EventView[]): void;
  projectsDelta(d: ProjectsDelta): void;
  /** Continuity was lost; every member of these rooms must join again. */
  resync(scope: { project: string } | 'projects', reason: string): void;
}

const ROOM_KINDS: Partial<Record<string, RoomChangeKind>> = {
  stages: 'stages',
  warehouses: 'warehouses',
  freight: 'freight',
  promotions: 'promotions',
};
/**
 * How long a project room outlives its last socket. A page that joins again meanwhile (a return
 * from another screen, a reconnect) resumes from its version instead of taking a new snapshot,
 * which at 3,000 stages is 5.9 MB for the browser to parse; the browser keeps a left project's
 * state as long (projectLiveQuery's gcTime).
 */
export const ROOM_LINGER_MS = 30_000;

/** Kinds whose changes may move a project's summary counts. */
const SUMMARY_KINDS = new Set(['projects', 'stages', 'warehouses', 'promotions']);

/**
 * Routes every cache change to the rooms that care. Rooms exist only while sockets are in them,
 * so changes to projects nobody watches cost a map lookup.
 */
export class LiveHub {
  private readonly rooms = new Map<string, ProjectRoom>();
  /** Rooms with no socket left, each with the timer that forgets it. */
  private readonly lingering = new Map<string, unknown>();
  private readonly clock: Timers;
  readonly projects: ProjectsRoom;
  private readonly onChange = (c: CacheChange) => this.route(c);
  private readonly onRecovered = (kind: string) => this.resyncAll(kind);

  constructor(
    private readonly cache: ClusterCache,
    private readonly readModels: ReadModels,
    private readonly out: HubOutput,
    private readonly windowMs: number,
    private readonly timers?: Timers,
    private readonly lingerMs = ROOM_LINGER_MS,
  ) {
    this.clock = timers ?? realTimers;
    this.projects = new ProjectsRoom(readModels, (d) => out.projectsDelta(d), windowMs, timers);
    cache.on('change', this.onChange);
    cache.on('recovered', this.onRecovered);
  }

  room(project: string): ProjectRoom {
    const forget = this.lingering.get(project);
    if (forget !== undefined) this.clock.clear(forget);
    this.lingering.delete(project);
    let room = this.rooms.get(project);
    if (!room) {
      room = new ProjectRoom(
        project,
        this.readModels,
        {
          delta: (d) => this.out.projectDelta(d),
          events: (e) => this.out.events(project, e),
        },
        this.windowMs,
        this.timers,
      );
      this.rooms.set(project, room);
    }
    return room;
  }

  models(): ReadModels {
    return this.readModels;
  }

  existingRoom(project: string): ProjectRoom | undefined {
    return this.rooms.get(project);
  }

  /**
   * The last socket left: forget the room after ROOM_LINGER_MS unless a socket joins it again
   * (a later join then starts a new version line). Until then it follows changes as before.
   */
  dropRoom(project: string): void {
    if (!this.rooms.has(project) || this.lingering.has(project)) return;
    const forget = () => {
      this.lingering.delete(project);
      this.rooms.get(project)?.stop();
      this.rooms.delete(project);
    };
    this.lingering.set(project, this.clock.set(forget, this.lingerMs));
  }

  stop(): void {
    for (const forget of this.lingering.values()) this.clock.clear(forget);
    this.lingering.clear();
    this.cache.off('change', this.onChange);
    this.cache.off('recovered', this.onRecovered);
    for (const room of this.rooms.values()) room.stop();
    this.projects.stop();
  }

  private route({ kind, change }: CacheChange): void {
    const meta = change.obj.metadata;
    const project = kind === 'projects' ? meta.name : meta.namespace;
    if (!project) return;
    if (SUMMARY_KINDS.has(kind)) this.projects.change(project);
    const room = this.rooms.get(project);
    if (!room) return;
    if (kind === 'events') room.event(meta.name);
    else if (kind === 'projects') room.change('project', meta.name);
    else {
      const roomKind = ROOM_KINDS[kind];
      if (roomKind) room.change(roomKind, meta.name);
    }
  }

  private resyncAll(kind: string): void {
    const reason = `The watch of ${kind} was restored after an outage; take a fresh snapshot.`;
    for (const [project, room] of this.rooms) {
      room.reset();
      this.out.resync({ project }, reason);
    }
    this.projects.reset();
    this.out.resync('projects', reason);
  }
}
