import { ProjectSnapshotSchema, type ProjectSnapshot } from '@wharf/shared/api';

type Base64Decoder = (text: string) => Uint8Array<ArrayBuffer>;

/** Base64 to bytes: the browser's own decoder where it has one (Chromium 140, Firefox 133). */
function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as unknown as { fromBase64?: Base64Decoder }).fromBase64;
  if (native) return native(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A `packed` join answer's snapshot: gunzipped by the browser, parsed and checked. */
export async function unpackSnapshot(gzip: string): Promise<ProjectSnapshot> {
  const unzipped = new Blob([bytesOf(gzip)]).stream().pipeThrough(new DecompressionStream('gzip'));
  const text = await new Response(unzipped).text();
  return ProjectSnapshotSchema.parse(JSON.parse(text));
}
