import { z } from 'zod';
import { AttentionSnapshotSchema, type ActivityDelta, type AttentionDelta } from './attention.js';
import { ApiErrorBodySchema, OpaqueVersionSchema, PartialErrorSchema } from './common.js';
import { EventViewSchema } from './event-view.js';
import { FreightQuerySchema, FreightViewSchema, FreightWindowSchema } from './freight-view.js';
import { ProjectNameSchema } from './names.js';
import { ProjectSummarySchema } from './project-view.js';
import type { ResyncRequired } from './resync.js';
import type { ServerBuild } from './server-build.js';
import { PromotionViewSchema, PromotionWindowSchema } from './promotion-view.js';
import { RoomStageViewSchema } from './stage-view.js';
import { WarehouseViewSchema } from './warehouse-view.js';

/**
 * Live protocol over socket.io (websocket transport) at `/socket.io`.
 *
 * Room versions are opaque strings issued by one BFF process. A client joins with the last version
 * it applied; the server either resumes (replays the deltas after it, each naming its
 * `previousVersion`) or answers with a fresh snapshot. A client that receives a delta whose
 * `previousVersion` is not the version it holds has missed something and must join again.
 */

/** Acks are `{data}` on success and `{error}` otherwise. */
export function ackOf<T extends z.ZodType>(data: T) {
  return z.union([z.object({ data }), z.object({ error: ApiErrorBodySchema })]);
}

export const ProjectEntitiesSchema = z.object({
  stages: z.array(RoomStageViewSchema),
  warehouses: z.array(WarehouseViewSchema),
  freight: z.array(FreightViewSchema),
  promotions: z.array(PromotionViewSchema),
});
export type ProjectEntities = z.infer<typeof ProjectEntitiesSchema>;
export type ProjectEntityKind = keyof ProjectEntities;

/** How many freight come with a snapshot: the newest, as many as Kargo's timeline shows. */
export const SNAPSHOT_FREIGHT = 20;

/**
 * How many promotions come with a snapshot: the newest. The first screen shows none in full (a
 * stage card shows its stage's promotion references); a drawer that shows a stage's promotions,
 * or one promotion, asks for them with `project:promotions`.
 */
export const SNAPSHOT_PROMOTIONS = 10;

/**
 * A kind the caller may not list arrives as an empty list with a `PartialError` naming it; the
 * summary is left out unless the caller may get the Project (as the REST routes decide).
 */
export const ProjectSnapshotSchema = ProjectEntitiesSchema.extend({
  project: z.string(),
  version: OpaqueVersionSchema,
  summary: ProjectSummarySchema.optional(),
  errors: z.array(PartialErrorSchema),
  /**
   * `promotions` holds only the newest SNAPSHOT_PROMOTIONS; the rest is asked for with
   * `project:promotions` (a stage's, or some by name). Every promotion created or changed after
   * the snapshot arrives in a delta.
   *
   * `freight` holds only the newest SNAPSHOT_FREIGHT; the rest is asked for with
   * `project:freight` (pages, searches, names). `total` counts every freight of the project.
   */
  freightWindow: z.object({
    total: z.number().int().nonnegative(),
    nextCursor: z.string().nullable(),
  }),
});
export type ProjectSnapshot = z.infer<typeof ProjectSnapshotSchema>;

/** A room version as a client echoes it: short, so a made-up one costs nothing to refuse. */
const RoomVersionSchema = OpaqueVersionSchema.max(64);

export const ProjectJoinRequestSchema = z.strictObject({
  project: ProjectNameSchema,
  /** Last version applied; omitted on first join. */
  version: RoomVersionSchema.optional(),
  /**
   * `gzip`: the client reads a snapshot sent gzip-compressed (mode `packed`). Without it the
   * snapshot comes as plain JSON (mode `snapshot`).
   */
  encoding: z.literal('gzip').optional(),
});
export type ProjectJoinRequest = z.infer<typeof ProjectJoinRequestSchema>;

/** A project snapshot's JSON text, gzip-compressed, in base64 (read with `ProjectSnapshotSchema`). */
export const PackedSnapshotSchema = z.base64().max(64 * 1024 * 1024);

export const ProjectJoinResultSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('snapshot'), snapshot: ProjectSnapshotSchema }),
  /**
   * The snapshot for a client that asked for `encoding: 'gzip'`. Browsers carry a WebSocket
   * message from the network process to the page through a small buffer the page's main thread
   * must empty, one piece at a time: a 3,000-stage snapshot's 4 MB of JSON text waited there
   * while the page was busy. Compressed it is a tenth of that, and unpacked at once.
   */
  z.object({ mode: z.literal('packed'), gzip: PackedSnapshotSchema }),
  /** Deltas after `version` follow as `project:delta` events. */
  z.object({ mode: z.literal('resumed'), version: OpaqueVersionSchema }),
]);
export type ProjectJoinResult = z.infer<typeof ProjectJoinResultSchema>;
export const ProjectJoinAckSchema = ackOf(ProjectJoinResultSchema);
export type ProjectJoinAck = z.infer<typeof ProjectJoinAckSchema>;

export const ProjectLeaveRequestSchema = z.strictObject({ project: ProjectNameSchema });
export type ProjectLeaveRequest = z.infer<typeof ProjectLeaveRequestSchema>;
export const LeaveAckSchema = ackOf(z.object({ left: z.boolean() }));
export type LeaveAck = z.infer<typeof LeaveAckSchema>;

/** Coalesced changes: the newest state of every object that changed in one short window. */
export const ProjectDeltaSchema = z.object({
  project: z.string(),
  version: OpaqueVersionSchema,
  previousVersion: OpaqueVersionSchema,
  upserts: ProjectEntitiesSchema,
  deletes: z.object({
    stages: z.array(z.string()),
    warehouses: z.array(z.string()),
    freight: z.array(z.string()),
    promotions: z.array(z.string()),
  }),
  /** Present when the project object itself changed. */
  summary: ProjectSummarySchema.optional(),
  /** How many freight the project has now; present when freight changed. */
  freightTotal: z.number().int().nonnegative().optional(),
});
export type ProjectDelta = z.infer<typeof ProjectDeltaSchema>;

/** A page of freight, or some freight by name or alias, for a socket in the project's room. */
export const ProjectFreightRequestSchema = z.union([
  z.strictObject({ project: z.string().min(1), query: FreightQuerySchema }),
  z.strictObject({ project: z.string().min(1), names: z.array(z.string().min(1)).min(1).max(100) }),
]);
export type ProjectFreightRequest = z.input<typeof ProjectFreightRequestSchema>;
export const ProjectFreightAckSchema = ackOf(FreightWindowSchema);
export type ProjectFreightAck = z.infer<typeof ProjectFreightAckSchema>;

/** A stage's promotions, or some promotions by name, for a socket in the project's room. */
export const ProjectPromotionsRequestSchema = z.union([
  z.strictObject({ project: z.string().min(1), stage: z.string().min(1) }),
  z.strictObject({ project: z.string().min(1), names: z.array(z.string().min(1)).min(1).max(100) }),
]);
export type ProjectPromotionsRequest = z.input<typeof ProjectPromotionsRequestSchema>;
export const ProjectPromotionsAckSchema = ackOf(PromotionWindowSchema);
export type ProjectPromotionsAck = z.infer<typeof ProjectPromotionsAckSchema>;

export const ProjectsJoinRequestSchema = z.strictObject({
  version: RoomVersionSchema.optional(),
});
export type ProjectsJoinRequest = z.infer<typeof ProjectsJoinRequestSchema>;

export const ProjectsJoinResultSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('snapshot'),
    version: OpaqueVersionSchema,
    items: z.array(ProjectSummarySchema),
  }),
  z.object({ mode: z.literal('resumed'), version: OpaqueVersionSchema }),
]);
export type ProjectsJoinResult = z.infer<typeof ProjectsJoinResultSchema>;
export const ProjectsJoinAckSchema = ackOf(ProjectsJoinResultSchema);
export type ProjectsJoinAck = z.infer<typeof ProjectsJoinAckSchema>;

export const ProjectsDeltaSchema = z.object({
  version: OpaqueVersionSchema,
  previousVersion: OpaqueVersionSchema,
  upserts: z.array(ProjectSummarySchema),
  deletes: z.array(z.string()),
});
export type ProjectsDelta = z.infer<typeof ProjectsDeltaSchema>;

/** New or updated Kubernetes events of a joined project, newest first. */
export const EventsDeltaSchema = z.object({
  project: z.string(),
  events: z.array(EventViewSchema),
});
export type EventsDelta = z.infer<typeof EventsDeltaSchema>;

/**
 * The attention room: what needs attention in every project the caller may see. The snapshot
 * is the same as `GET /api/v1/attention`; `attention:delta` then replaces one project's items
 * and `activity:delta` brings its new events. Deltas are whole per project, so none can be
 * missed for good: the next one of that project corrects it, and a reconnect joins again.
 */
export const AttentionJoinRequestSchema = z.strictObject({});
export const AttentionJoinAckSchema = ackOf(AttentionSnapshotSchema);
export type AttentionJoinAck = z.infer<typeof AttentionJoinAckSchema>;

/**
 * Watch a project's access: `access:changed` arrives when its ServiceAccounts, Roles or
 * RoleBindings change, so capabilities and role screens ask again instead of polling.
 */
export const AccessJoinRequestSchema = z.strictObject({ project: ProjectNameSchema });
export type AccessJoinRequest = z.infer<typeof AccessJoinRequestSchema>;
export const AccessJoinAckSchema = ackOf(z.object({ watching: z.literal(true) }));
export type AccessJoinAck = z.infer<typeof AccessJoinAckSchema>;

/**
 * RBAC changed in the project's namespace: what the user may do there may have changed. Sent to
 * the project's access room, and to attention room members who may see the project (the
 * cockpit asks capabilities of many projects at once and joins no access room).
 */
export const AccessChangedSchema = z.object({ project: z.string() });
export type AccessChanged = z.infer<typeof AccessChangedSchema>;

type Ack<T> = (ack: T) => void;

/** Events the browser emits; the server validates every payload with the schemas above. */
export interface ClientToServerEvents {
  'project:join': (req: ProjectJoinRequest, ack: Ack<ProjectJoinAck>) => void;
  'project:leave': (req: ProjectLeaveRequest, ack: Ack<LeaveAck>) => void;
  'project:freight': (req: ProjectFreightRequest, ack: Ack<ProjectFreightAck>) => void;
  'project:promotions': (req: ProjectPromotionsRequest, ack: Ack<ProjectPromotionsAck>) => void;
  'projects:join': (req: ProjectsJoinRequest, ack: Ack<ProjectsJoinAck>) => void;
  'projects:leave': (req: Record<string, never>, ack: Ack<LeaveAck>) => void;
  'attention:join': (req: Record<string, never>, ack: Ack<AttentionJoinAck>) => void;
  'attention:leave': (req: Record<string, never>, ack: Ack<LeaveAck>) => void;
  'access:join': (req: AccessJoinRequest, ack: Ack<AccessJoinAck>) => void;
  'access:leave': (req: AccessJoinRequest, ack: Ack<LeaveAck>) => void;
}

/** Events the server emits. */
export interface ServerToClientEvents {
  'project:delta': (delta: ProjectDelta) => void;
  'projects:delta': (delta: ProjectsDelta) => void;
  'events:delta': (delta: EventsDelta) => void;
  'attention:delta': (delta: AttentionDelta) => void;
  'activity:delta': (delta: ActivityDelta) => void;
  'resync-required': (msg: ResyncRequired) => void;
  'access:changed': (msg: AccessChanged) => void;
  'wharf:build': (msg: ServerBuild) => void;
}

export const SOCKET_PATH = '/socket.io';
