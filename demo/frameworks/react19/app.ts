/**
 * React 19 renders custom elements natively: a prop the element has as a property (`store`, `density`,
 * `conversationId`) is set as that property, any other prop (`hide-search`) as an attribute, and
 * `on<event-name>` props (`onconversation-select`) listen to the element's DOM events.
 * Written with `createElement` (no JSX build step needed); the JSX form is in the README.
 */
import { type ChangeEvent, createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';

import type { ConversationSelectEvent, MessageSendEvent } from '../../../src/index.js';
import { type ExampleOptions, exampleText, type MountExample } from '../example.js';

function Inbox({ store, density = 'comfortable' }: ExampleOptions) {
  const [hideSearch, setHideSearch] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [lastReply, setLastReply] = useState<string | null>(null);
  return h(
    'div',
    { className: 'framework-example' },
    h(
      'label',
      null,
      h('input', {
        type: 'checkbox',
        checked: hideSearch,
        onChange: (event: ChangeEvent<HTMLInputElement>) => setHideSearch(event.target.checked),
      }),
      ` ${exampleText.hideSearch}`,
    ),
    h('p', { role: 'status' }, exampleText.selected(selected), ' · ', exampleText.lastReply(lastReply)),
    h(
      'help-desk-provider',
      { store },
      h('conversation-list', {
        density,
        'hide-search': hideSearch,
        'onconversation-select': (event: ConversationSelectEvent) => setSelected(event.detail.conversationId),
      }),
      selected && h('thread-view', { conversationId: selected }),
      selected &&
        h('reply-editor', {
          conversationId: selected,
          'onmessage-send': (event: MessageSendEvent) => setLastReply(event.detail.text),
        }),
    ),
  );
}

export const mount: MountExample = (container, options) => {
  const root = createRoot(container);
  let current = options;
  root.render(h(Inbox, current));
  return {
    update(next) {
      current = { ...current, ...next };
      root.render(h(Inbox, current));
    },
    unmount: () => root.unmount(),
  };
};
