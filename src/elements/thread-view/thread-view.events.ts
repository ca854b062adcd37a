export { type TicketOpenDetail, TicketOpenEvent } from '../events.js';

/** The rep chose a message to answer: it is now the reply target of the conversation's editor. */
export class ReplyToEvent extends Event {
  static readonly eventName = 'reply-to';
  readonly detail: { readonly messageId: string; readonly conversationId: string };

  constructor(detail: { messageId: string; conversationId: string }) {
    super(ReplyToEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'reply-to': ReplyToEvent;
  }
}
