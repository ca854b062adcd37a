/**
 * A cache of derived values that keeps at most `limit` entries, dropping the least recently used.
 *
 * Rows derive text from immutable model objects (a conversation, a message) and re-render as they
 * scroll, so the work is worth keeping; but a WeakMap would keep it for every object the store
 * holds, and after scrolling 100,000 conversations that is every row's text, tens of megabytes.
 * Only the rows near the viewport need it.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Map keeps insertion order: re-inserting marks the entry as the most recently used.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }
}
