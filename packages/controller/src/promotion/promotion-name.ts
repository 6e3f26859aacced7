import { ulid } from 'ulid';

/** `<stage>.<lower-case ULID>.<first 7 of freight>`: sorting names sorts by creation time. */
export function promotionName(stage: string, freight: string, now: number = Date.now()): string {
  const maxStage = 253 - 1 - 26 - 1 - 7;
  return `${stage.slice(0, maxStage)}.${ulid(now).toLowerCase()}.${freight.slice(0, 7)}`;
}
