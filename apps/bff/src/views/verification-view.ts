import type { Stage, VerificationInfo } from '@wharf/shared';
import type { Verification, VerificationRecord } from '@wharf/shared/api';
import { defined } from './common.js';

/** One verificationHistory entry as the dashboard shows it. */
export function verificationView(v: VerificationInfo): Verification {
  return {
    id: v.id ?? '',
    phase: v.phase ?? 'Unknown',
    ...defined({
      message: v.message,
      actor: v.actor,
      startTime: v.startTime,
      finishTime: v.finishTime,
    }),
    ...(v.analysisRun
      ? {
          analysisRun: {
            namespace: v.analysisRun.namespace,
            name: v.analysisRun.name,
            ...defined({ phase: v.analysisRun.phase || undefined }),
          },
        }
      : {}),
  };
}

/**
 * Every verification the stage recorded, newest first: the current freight collection's history
 * (Kargo keeps the newest first, at most 10) and then the older collections'.
 */
export function stageVerificationRecords(
  stage: Stage,
  aliasOf: (freight: string) => string | undefined,
): VerificationRecord[] {
  return (stage.status?.freightHistory ?? []).flatMap((collection, i) => {
    const freight = Object.values(collection.items ?? {}).map((ref) => ({
      name: ref.name ?? '',
      origin: ref.origin?.name ?? '',
      ...defined({ alias: aliasOf(ref.name ?? '') }),
    }));
    return (collection.verificationHistory ?? []).map((v) => ({
      ...verificationView(v),
      current: i === 0,
      freight,
    }));
  });
}
