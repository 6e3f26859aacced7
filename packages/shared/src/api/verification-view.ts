import { z } from 'zod';
import { VerificationSchema } from './artifacts.js';
import { PartialErrorSchema, TimestampSchema } from './common.js';

export const AnalysisMeasurementSchema = z.object({
  phase: z.string(),
  value: z.string().optional(),
  message: z.string().optional(),
  startedAt: TimestampSchema.optional(),
  finishedAt: TimestampSchema.optional(),
});
export type AnalysisMeasurement = z.infer<typeof AnalysisMeasurementSchema>;

export const AnalysisMetricSchema = z.object({
  name: z.string(),
  phase: z.string(),
  message: z.string().optional(),
  count: z.number().int().optional(),
  successful: z.number().int().optional(),
  failed: z.number().int().optional(),
  inconclusive: z.number().int().optional(),
  error: z.number().int().optional(),
  measurements: z.array(AnalysisMeasurementSchema),
});
export type AnalysisMetric = z.infer<typeof AnalysisMetricSchema>;

/** What Argo Rollouts reports on an AnalysisRun, or why it could not be read. */
export const AnalysisRunDetailSchema = z.discriminatedUnion('available', [
  z.object({
    available: z.literal(true),
    phase: z.string(),
    message: z.string().optional(),
    startedAt: TimestampSchema.optional(),
    completedAt: TimestampSchema.optional(),
    metrics: z.array(AnalysisMetricSchema),
  }),
  z.object({ available: z.literal(false), reason: z.string() }),
]);
export type AnalysisRunDetail = z.infer<typeof AnalysisRunDetailSchema>;

export const VerificationRecordSchema = VerificationSchema.extend({
  /** Verifies the freight the stage holds now (the newest freight collection). */
  current: z.boolean(),
  freight: z.array(
    z.object({ name: z.string(), alias: z.string().optional(), origin: z.string() }),
  ),
  /** The AnalysisRun's metrics, for runs Wharf looked up (the newest ones). */
  analysis: AnalysisRunDetailSchema.optional(),
});
export type VerificationRecord = z.infer<typeof VerificationRecordSchema>;

/** GET …/stages/{stage}/verifications: newest first, across the stage's freight history. */
export const StageVerificationsSchema = z.object({
  stage: z.string(),
  items: z.array(VerificationRecordSchema),
  errors: z.array(PartialErrorSchema),
});
export type StageVerifications = z.infer<typeof StageVerificationsSchema>;
