import type { ReactiveControllerHost } from 'lit';

import type { HelpDeskStore } from '../../state/store.js';
import { StreamController } from '../../state/stream-controller.js';

/** What the streams follow: read at each update, so a new store or conversation resubscribes. */
export interface StreamSources {
  desk: () => HelpDeskStore | undefined;
  /** The `conversation-id` attribute, if set (else the store's selection is followed). */
  conversationId: () => string | undefined;
  /** The conversation shown. */
  activeId: () => string | null;
  ticketId: () => string | null;
}

/** The store streams `<thread-view>` renders from, one StreamController each. */
export function threadStreams(host: ReactiveControllerHost, s: StreamSources) {
  return {
    selectedId: new StreamController(
      host,
      () => [s.desk(), s.conversationId()],
      () => (s.conversationId() ? undefined : s.desk()?.selectedConversationId$),
    ),
    conversation: new StreamController(
      host,
      () => [s.desk(), s.activeId()],
      () => {
        const id = s.activeId();
        return id ? s.desk()?.conversation$(id) : undefined;
      },
    ),
    thread: new StreamController(
      host,
      () => [s.desk(), s.activeId()],
      () => {
        const id = s.activeId();
        return id ? s.desk()?.thread$(id) : undefined;
      },
    ),
    replyTarget: new StreamController(
      host,
      () => [s.desk(), s.activeId()],
      () => {
        const id = s.activeId();
        return id ? s.desk()?.replyTarget$(id) : undefined;
      },
    ),
    ticket: new StreamController(
      host,
      () => [s.desk(), s.ticketId()],
      () => {
        const id = s.ticketId();
        return id ? s.desk()?.ticket$(id) : undefined;
      },
    ),
    channels: new StreamController(
      host,
      () => [s.desk()],
      () => s.desk()?.channels$,
    ),
    agents: new StreamController(
      host,
      () => [s.desk()],
      () => s.desk()?.agents$,
    ),
    teams: new StreamController(
      host,
      () => [s.desk()],
      () => s.desk()?.teams$,
    ),
  };
}
