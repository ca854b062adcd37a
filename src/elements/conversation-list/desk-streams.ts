import type { ReactiveControllerHost } from 'lit';
import type { Observable } from 'rxjs';

import type { HelpDeskState } from '../../state/state.js';
import type { HelpDeskStore } from '../../state/store.js';
import { StreamController } from '../../state/stream-controller.js';

const byIdOf = (s: HelpDeskState) => s.conversations.byId;

/**
 * Every store stream the list reads, one StreamController each: a fixed handful whatever the number
 * of rows (rows read their conversation from the one `entities` table, never a stream of their own).
 */
export class DeskStreams {
  readonly list;
  readonly entities;
  readonly accounts;
  readonly channels;
  readonly agents;
  readonly teams;
  readonly views;
  readonly selection;
  readonly notifications;

  constructor(host: ReactiveControllerHost, desk: () => HelpDeskStore | undefined) {
    const stream = <T>(pick: (store: HelpDeskStore) => Observable<T>) =>
      new StreamController(
        host,
        () => [desk()],
        () => {
          const store = desk();
          return store && pick(store);
        },
      );
    this.list = stream((d) => d.conversationList$);
    this.entities = stream((d) => d.select(byIdOf));
    this.accounts = stream((d) => d.accounts$);
    this.channels = stream((d) => d.channels$);
    this.agents = stream((d) => d.agents$);
    this.teams = stream((d) => d.teams$);
    this.views = stream((d) => d.views$);
    this.selection = stream((d) => d.selectedConversationId$);
    this.notifications = stream((d) => d.notificationsEnabled$);
  }
}
