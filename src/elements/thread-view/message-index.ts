import type { Message } from '../../model/index.js';

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
      this.source = messages;
      this.ids = messages.map((m) => m.id);
      this.byId = undefined;
    }
    return this.ids;
  }

  /** A loaded message by id. */
  get(id: string): Message | undefined {
    this.byId ??= new Map((this.source ?? []).map((m) => [m.id, m]));
    return this.byId.get(id);
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
