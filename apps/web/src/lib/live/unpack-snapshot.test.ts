import { describe, expect, it } from 'vitest';
import { ProjectSnapshotSchema } from '@wharf/shared/api';
import { projectSnapshot } from '../testing/views';
import { unpackSnapshot } from './unpack-snapshot';

const snapshot = projectSnapshot();
/** What the BFF sends: the JSON text gzipped, in base64. */
async function pack(value: unknown): Promise<string> {
  const zipped = new Blob([JSON.stringify(value)])
    .stream()
    .pipeThrough(new CompressionStream('gzip'));
  const bytes = new Uint8Array(await new Response(zipped).arrayBuffer());
  return btoa(String.fromCharCode(...bytes));
}
const checked = ProjectSnapshotSchema.parse(snapshot);

describe('unpackSnapshot', () => {
  it('reads back the snapshot the server gzipped, without the native base64 decoder too', async () => {
    expect(await unpackSnapshot(await pack(snapshot))).toEqual(checked);
    const native = Object.getOwnPropertyDescriptor(Uint8Array, 'fromBase64');
    if (native) delete (Uint8Array as { fromBase64?: unknown }).fromBase64;
    try {
      expect(await unpackSnapshot(await pack(snapshot))).toEqual(checked);
    } finally {
      if (native) Object.defineProperty(Uint8Array, 'fromBase64', native);
    }
  });

  it('refuses a packed text that is not gzip, or whose JSON is not a snapshot', async () => {
    await expect(unpackSnapshot(btoa('not gzip'))).rejects.toThrow();
    await expect(unpackSnapshot(await pack({ ...snapshot, stages: 'none' }))).rejects.toThrow();
  });
});
