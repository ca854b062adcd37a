// Repairs threads that missed events. Pushes can be lost (a dropped frame, a reconnect without a
// resume), so the store watches for the two signs of a loss and then fetches the thread's newest
// page, and older ones until the gap is closed:
// - an event seq that skips: seqs grow by one per event of a conversation, so a missing number
//   that has not turned up after a short grace (re-ordered events arrive a little late) was lost;
// - a new message whose predecessor (seq - 1) the loaded thread does not hold;
// - the first event seen for a loaded thread, unless it is a new message whose predecessor the
//   thread holds: whatever was pushed between the load and it may have been lost unseen.
// And after the connection comes back, every loaded thread is fetched again: whatever was pushed
// while it was down, including a thread's last message, which no later event would reveal.
import type { HelpDeskEvent } from '../adapters/adapter.js';
import { toHelpDeskError } from '../adapters/errors.js';
import { hasSeq, highestHole, threadResynced, type ThreadState } from './messages.js';
import { call, type StoreContext } from './store-context.js';

export interface ThreadSyncOptions {
  /** How long a missing event seq may stay missing before the thread is fetched again. */
  graceMs: number;
  /** Waits between attempts when a repair fails with a retryable error; then it waits for the next sign. */
  retryDelaysMs: readonly number[];
}

export const DEFAULT_THREAD_SYNC: ThreadSyncOptions = {
  graceMs: 250,
  retryDelaysMs: [100, 300, 1000, 3000],
};

/** A run of missing seqs longer than this is not listed one by one; the conversation is just repaired. */
const MAX_LISTED_GAP = 256;
/** Pages fetched per repair at most, so a repair of a huge gap cannot run away. */
const MAX_PAGES = 20;
/**
 * Size of a repair's first page. A loss is nearly always among the newest few messages, so a small
 * page usually closes it; older pages, if it does not, come at the store's page size.
 */
const FIRST_PAGE = 25;

interface Seen {
  /** The highest event seq seen for the conversation. */
  high: number;
  /** Seqs below `high` not seen yet; undefined while there are none. */
  missing?: Set<number>;
  /** A gap too long to list is open. */
  overflow?: boolean;
  /** Seqs of messages that arrived without their predecessor. */
  orphans?: Set<number>;
  /** The first event seen cannot tell whether events before it were lost. */
  unverified?: boolean;
  /**
   * Message seq up to which a repair found the thread whole. Holes only open above it (a lost
   * message is always newer than what was checked), so a repair looks for them only above it.
   */
  verifiedTo?: number;
}

function conversationOf(event: HelpDeskEvent): string | null {
  if (event.type === 'message.created' || event.type === 'message.updated') {
    return typeof event.message?.conversationId === 'string' ? event.message.conversationId : null;
  }
  if (event.type === 'conversation.updated') {
    return typeof event.conversation?.id === 'string' ? event.conversation.id : null;
  }
  return null;
}

export class ThreadSync {
  private readonly seen = new Map<string, Seen>();
  private readonly checks = new Map<string, ReturnType<typeof setTimeout>>();
  /** Conversations being repaired; true when another repair was asked for meanwhile. */
  private readonly running = new Map<string, boolean>();
  /** Waits between attempts of failed repairs; dispose ends them early. */
  private readonly waits = new Map<ReturnType<typeof setTimeout>, () => void>();
  private online = true;
  private disposed = false;

  constructor(
    private readonly ctx: StoreContext,
    private readonly options: ThreadSyncOptions = DEFAULT_THREAD_SYNC,
  ) {}

  /** Called with every event after the store applied it. */
  observe(event: HelpDeskEvent): void {
    if (this.disposed) return;
    if (event.type === 'connection') {
      const wasOnline = this.online;
      this.online = event.state === 'online';
      if (this.online && !wasOnline) this.repairAll();
      return;
    }
    const conversationId = conversationOf(event);
    if (conversationId === null || !('seq' in event) || !Number.isSafeInteger(event.seq)) return;
    const firstSeen = !this.seen.has(conversationId);
    const seen = this.track(conversationId, event.seq);
    const thread = this.thread(conversationId);
    if (thread?.loaded) {
      const created = event.type === 'message.created' && Number.isSafeInteger(event.message.seq);
      const orphan = created && event.message.seq > 1 && !hasSeq(thread, event.message.seq - 1);
      if (orphan) (seen.orphans ??= new Set()).add(event.message.seq);
      // (A conversation's first event has seq 1: nothing came before it to lose.)
      else if (firstSeen && event.seq > 1 && !created) seen.unverified = true;
    }
    if (this.gapOpen(conversationId, seen)) this.scheduleCheck(conversationId);
  }

  /** Fetches every loaded thread again (after a reconnect). */
  repairAll(): void {
    for (const [conversationId, thread] of Object.entries(this.ctx.state.messages.threads)) {
      if (thread.loaded) void this.repair(conversationId);
    }
  }

  /** Stops every timer; repairs in flight finish without changing anything. */
  dispose(): void {
    this.disposed = true;
    this.checks.forEach((timer) => clearTimeout(timer));
    this.checks.clear();
    this.waits.forEach((resolve, timer) => {
      clearTimeout(timer);
      resolve();
    });
    this.waits.clear();
    this.seen.clear();
  }

  /**
   * What the repairs hold right now: conversations whose event seqs are tracked, timers set (grace
   * checks and waits between attempts), and repairs in flight. All zero after `dispose()`.
   */
  get backlog(): { tracked: number; timers: number; repairs: number } {
    return {
      tracked: this.seen.size,
      timers: this.checks.size + this.waits.size,
      repairs: this.running.size,
    };
  }

  private thread(conversationId: string): ThreadState | undefined {
    return this.ctx.state.messages.threads[conversationId];
  }

  private track(conversationId: string, seq: number): Seen {
    let seen = this.seen.get(conversationId);
    if (!seen) {
      // The first event seen: what came before it is what the pages load.
      seen = { high: seq };
      this.seen.set(conversationId, seen);
    } else if (seq > seen.high) {
      if (seq - seen.high - 1 > MAX_LISTED_GAP) seen.overflow = true;
      else for (let s = seen.high + 1; s < seq; s++) (seen.missing ??= new Set()).add(s);
      seen.high = seq;
    } else if (seen.missing?.delete(seq) && seen.missing.size === 0) {
      delete seen.missing;
    }
    return seen;
  }

  private gapOpen(conversationId: string, seen: Seen): boolean {
    if (seen.orphans) {
      const thread = this.thread(conversationId);
      for (const seq of seen.orphans) if (!thread || hasSeq(thread, seq - 1)) seen.orphans.delete(seq);
      if (seen.orphans.size === 0) delete seen.orphans;
    }
    return (
      seen.missing !== undefined ||
      seen.overflow === true ||
      seen.orphans !== undefined ||
      seen.unverified === true
    );
  }

  private scheduleCheck(conversationId: string): void {
    if (this.checks.has(conversationId)) return;
    const timer = setTimeout(() => {
      this.checks.delete(conversationId);
      const seen = this.seen.get(conversationId);
      if (seen && this.gapOpen(conversationId, seen)) void this.repair(conversationId);
    }, this.options.graceMs);
    this.checks.set(conversationId, timer);
  }

  /** One repair at a time per conversation; a request during one runs once more after it. */
  private async repair(conversationId: string): Promise<void> {
    if (this.running.has(conversationId)) {
      this.running.set(conversationId, true);
      return;
    }
    try {
      do {
        this.running.set(conversationId, false);
        await this.repairWithRetries(conversationId);
      } while (this.running.get(conversationId) && !this.disposed);
    } finally {
      this.running.delete(conversationId);
    }
  }

  private async repairWithRetries(conversationId: string): Promise<void> {
    for (let attempt = 0; !this.disposed; attempt++) {
      try {
        await this.fetchUntilStitched(conversationId);
        return;
      } catch (error) {
        const delay = this.options.retryDelaysMs[attempt];
        if (!toHelpDeskError(error).retryable || delay === undefined) return;
        await this.wait(delay);
      }
    }
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waits.delete(timer);
        resolve();
      }, ms);
      this.waits.set(timer, resolve);
    });
  }

  /**
   * The newest page, then older ones until the thread has no hole left between what a repair last
   * found whole and the oldest message fetched (usually: until the pages join what the thread held).
   */
  private async fetchUntilStitched(conversationId: string): Promise<void> {
    if (!this.thread(conversationId)?.loaded) return;
    const seen = this.seen.get(conversationId);
    const syncedSeq = seen?.high ?? 0;
    const verifiedTo = seen?.verifiedTo ?? 0;
    let before: string | null = null;
    let newestFetched = 0;
    let whole = false;
    for (let pages = 0; pages < MAX_PAGES && !this.disposed; pages++) {
      const query: { before?: string; limit: number } =
        before === null
          ? { limit: Math.min(FIRST_PAGE, this.ctx.pageSize) }
          : { before, limit: this.ctx.pageSize };
      const page = await call(() => this.ctx.adapter.listMessages(conversationId, query));
      if (this.disposed) return;
      this.ctx.update((s) => {
        const messages = threadResynced(s.messages, conversationId, page.items, syncedSeq);
        return messages === s.messages ? s : { ...s, messages };
      });
      const oldest = page.items[0];
      if (pages === 0) newestFetched = page.items[page.items.length - 1]?.seq ?? 0;
      const thread = this.thread(conversationId);
      // A hole among the pages fetched is a seq the backend does not have; one below them is a loss.
      whole =
        !oldest ||
        !thread ||
        page.nextCursor === null ||
        highestHole(thread, verifiedTo, oldest.seq) === null;
      if (whole) break;
      before = page.nextCursor!;
    }
    this.settled(conversationId, syncedSeq, newestFetched, whole);
  }

  /** What a repair covered is no longer missing. */
  private settled(conversationId: string, syncedSeq: number, newestFetched: number, whole: boolean): void {
    const seen = this.seen.get(conversationId);
    if (!seen) return;
    seen.overflow = false;
    delete seen.unverified;
    if (whole) seen.verifiedTo = Math.max(seen.verifiedTo ?? 0, newestFetched);
    // An orphan the pages reached is settled even if its predecessor never came: it does not exist.
    seen.orphans?.forEach((seq) => seq <= newestFetched && seen.orphans!.delete(seq));
    if (seen.orphans?.size === 0) delete seen.orphans;
    seen.missing?.forEach((seq) => seq <= syncedSeq && seen.missing!.delete(seq));
    if (seen.missing?.size === 0) delete seen.missing;
    // Events that skipped while the pages were on their way are for the next repair.
    if (this.gapOpen(conversationId, seen)) this.scheduleCheck(conversationId);
  }
}
