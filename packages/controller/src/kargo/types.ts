// Kargo's object types come from @wharf/shared; this is the least every stored object has.
export interface KargoObject {
  metadata: { name?: string; namespace?: string; [key: string]: unknown };
}
