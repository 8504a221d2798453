// A small time-bounded cache of promises: concurrent lookups of one key share one request, and
// the number of entries is bounded (oldest first out).
export class TtlCache<V> {
  private readonly entries = new Map<string, { at: number; value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    this.entries.delete(key);
    const value = load();
    // A failed lookup is not remembered: the next request asks again.
    value.catch(() => this.entries.delete(key));
    this.entries.set(key, { at: now, value });
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
