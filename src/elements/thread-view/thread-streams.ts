import type { ReactiveControllerHost } from 'lit';

import type { HelpDeskStore } from '../../state/store.js';
import { StreamController } from '../../state/stream-controller.js';

/** What the streams follow: read at each update, so a new store or conversation resubscribes. */
export interface StreamSources {
  desk: () => HelpDeskStore | undefined;
  /** The `conversation-id` attribute, if set (else the store's selection is followed). */
  conversationId: () => string | undefined;
}

/**
 * The store streams `<thread-view>` renders from, one StreamController each, and the ids they
 * derive. Each stream reads only streams made before it: they are made once the element is
 * connected, and a controller added to a connected host subscribes at once.
 */
export function threadStreams(host: ReactiveControllerHost, s: StreamSources) {
  const selectedId = new StreamController(
    host,
    () => [s.desk(), s.conversationId()],
    () => (s.conversationId() ? undefined : s.desk()?.selectedConversationId$),
  );
  /** The conversation shown. */
  const activeId = (): string | null => s.conversationId() || (selectedId.value ?? null);
  const conversation = new StreamController(
    host,
    () => [s.desk(), activeId()],
    () => {
      const id = activeId();
      return id ? s.desk()?.conversation$(id) : undefined;
    },
  );
  const ticketId = (): string | null => conversation.value?.ticketId ?? null;
  return {
    activeId,
    ticketId,
    selectedId,
    conversation,
    thread: new StreamController(
      host,
      () => [s.desk(), activeId()],
      () => {
        const id = activeId();
        return id ? s.desk()?.thread$(id) : undefined;
      },
    ),
    replyTarget: new StreamController(
      host,
      () => [s.desk(), activeId()],
      () => {
        const id = activeId();
        return id ? s.desk()?.replyTarget$(id) : undefined;
      },
    ),
    ticket: new StreamController(
      host,
      () => [s.desk(), ticketId()],
      () => {
        const id = ticketId();
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
