import type { Message } from '../../model/index.js';
import { growthOf } from './same-run.js';

/**
 * The thread's messages as the element needs them: ids in order (the scroll window's keys), a
 * lookup by id (for quotes), and which message newly arrived at the end. Rebuilt only when the
 * store hands over another messages array, so a render costs nothing extra.
 */
export class MessageIndex {
  private source: readonly Message[] | undefined;
  private ids: readonly string[] = [];
  private byId: Map<string, Message> | undefined;
  private lastKey: string | undefined;

  /** The ids of `messages`, oldest first; the same array while `messages` is the same. */
  keys(messages: readonly Message[]): readonly string[] {
    if (messages !== this.source) {
      this.updateById(this.source ?? [], messages);
      this.source = messages;
      this.ids = messages.map((m) => m.id);
    }
    return this.ids;
  }

  /** A loaded message by id. */
  get(id: string): Message | undefined {
    this.byId ??= new Map((this.source ?? []).map((m) => [m.id, m]));
    return this.byId.get(id);
  }

  /**
   * Keeps the lookup by id across a page of older messages (or a new one at the end) by adding
   * them; any other change drops it, to be made again on next need. Made again per page, it was a
   * table of 10,000 entries per page while the rep scrolled up: too large for the young generation,
   * it brought on major collections mid-scroll.
   */
  private updateById(before: readonly Message[], after: readonly Message[]): void {
    const byId = this.byId;
    if (!byId) return;
    const growth = growthOf(before, after);
    if (growth === 'older') {
      for (let i = 0; i < after.length - before.length; i++) byId.set(after[i]!.id, after[i]!);
    } else if (growth === 'newer') {
      for (let i = before.length; i < after.length; i++) byId.set(after[i]!.id, after[i]!);
    } else if (growth !== 'same') {
      this.byId = undefined;
    }
  }

  /**
   * The newest message if it arrived after the last call (appended, not a page of older ones, not
   * a local copy replaced by the server's), else undefined.
   */
  appended(messages: readonly Message[]): Message | undefined {
    const last = messages.at(-1);
    const previous = this.lastKey;
    this.lastKey = last?.id;
    if (!last || previous === undefined || last.id === previous) return undefined;
    return this.keys(messages).includes(previous) ? last : undefined;
  }

  /** Forgets the newest message seen: another conversation is shown. */
  reset(): void {
    this.lastKey = undefined;
  }
}
