import type { Attachment, MessageChannel } from '../../model/index.js';

/** What the rep is about to send. */
export interface ReplyDraftDetail {
  conversationId: string;
  text: string;
  /** HTML, when the channel carries rich text and the reply has formatting. */
  richText?: string;
  attachments: Attachment[];
  replyToId?: string;
  channel: MessageChannel;
  /** The ticket status (pipeline stage) set with the send, if one was picked. */
  stageId?: string;
  /** Properties the stage required, as filled in. */
  properties?: Record<string, string | number | boolean | null>;
}

/** The rep sends a reply. Cancelable: `preventDefault()` keeps the reply in the editor, unsent. */
export class MessageSendEvent extends Event {
  constructor(readonly detail: ReplyDraftDetail) {
    super('message-send', { bubbles: true, composed: true, cancelable: true });
  }
}

/** The rep picked another medium from the "Channel" menu. */
export class ChannelChangeEvent extends Event {
  constructor(readonly detail: { conversationId: string; channel: MessageChannel }) {
    super('channel-change', { bubbles: true, composed: true });
  }
}

/** The rep picked "Call" from the "Channel" menu: the host starts the call. */
export class CallRequestEvent extends Event {
  constructor(readonly detail: { conversationId: string }) {
    super('call-request', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'message-send': MessageSendEvent;
    'channel-change': ChannelChangeEvent;
    'call-request': CallRequestEvent;
  }
}
