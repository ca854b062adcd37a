import type { Draft } from '../../state/drafts.js';
import type { HelpDeskStore } from '../../state/store.js';

/**
 * Writes the reply to the store's draft of its conversation a moment after the rep stops typing,
 * and at once when the element leaves, the conversation changes or the page is hidden; so a draft
 * is never lost to a reload or a switch of conversation.
 */
export class DraftSync {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private target: { store: HelpDeskStore; conversationId: string } | undefined;

  constructor(
    /** The reply as a patch of the draft of `conversationId` in `store`; null when there is nothing to keep. */
    private readonly read: (store: HelpDeskStore, conversationId: string) => Partial<Draft> | null,
    private readonly delayMs = 400,
  ) {}

  /** A change to save soon, for this conversation. */
  schedule(store: HelpDeskStore | undefined, conversationId: string | null): void {
    if (!store || !conversationId) return;
    if (this.target && (this.target.store !== store || this.target.conversationId !== conversationId))
      this.flush();
    this.target = { store, conversationId };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Saves now whatever is scheduled. */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const target = this.target;
    this.target = undefined;
    if (!target) return;
    const patch = this.read(target.store, target.conversationId);
    if (patch === null) target.store.clearDraft(target.conversationId);
    else target.store.updateDraft(target.conversationId, patch);
  }

  /** Forgets what is scheduled (the reply was just sent, and the store cleared the draft). */
  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.target = undefined;
  }
}
