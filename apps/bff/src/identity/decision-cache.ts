/**
 * Short-lived memo of access decisions. Entries live a few seconds so that revoking a role
 * takes effect within that time; concurrent lookups of one key share a single review.
 */
export class DecisionCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; expires: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 20_000,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > t) return hit.value;
    if (this.entries.size >= this.maxEntries) this.evictExpired(t);
    const value = compute();
    this.entries.set(key, { value, expires: t + this.ttlMs });
    // A failed review is not remembered.
    value.catch(() => this.entries.delete(key));
    return value;
  }

  clear(): void {
    this.entries.clear();
  }

  private evictExpired(t: number) {
    for (const [k, v] of this.entries) if (v.expires <= t) this.entries.delete(k);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
  }
}
