// Events fired by more than one element: one class per event name, so a host's handler is typed the same
// whichever element fired it.

/** What `conversation-select` carries. */
export interface ConversationSelectDetail {
  readonly conversationId: string;
}

/**
 * The rep asked to open a conversation (a row of the list, a desktop notification, a past conversation in
 * the sidebar). Cancelable: unless the host calls `preventDefault()`, the element selects it in the store.
 */
export class ConversationSelectEvent extends Event {
  static readonly eventName = 'conversation-select';
  readonly detail: ConversationSelectDetail;

  constructor(detail: ConversationSelectDetail) {
    super(ConversationSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

/** What `ticket-open` carries. */
export interface TicketOpenDetail {
  readonly ticketId: string;
  /** The conversation on screen when the ticket's name was activated, if any. */
  readonly conversationId: string | null;
}

/** The rep activated the ticket's name: the host should show the ticket wherever it keeps tickets. */
export class TicketOpenEvent extends Event {
  static readonly eventName = 'ticket-open';
  readonly detail: TicketOpenDetail;

  constructor(detail: TicketOpenDetail) {
    super(TicketOpenEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conversation-select': ConversationSelectEvent;
    'ticket-open': TicketOpenEvent;
  }
}
