/**
 * React 18 sets every prop of a custom element as a string attribute and cannot listen to custom events,
 * so it uses the `helpdesk-elements/react` wrappers (@lit/react): element properties (`store`, `density`,
 * `conversationId`) are set as properties, `onConversationSelect`-style props listen to the DOM events, and
 * any other prop (`hide-search`) goes to React as an attribute. The page's React 18 is not the `react` the
 * package resolves, so the components are made with `createHelpDeskComponents(React)`.
 */
import * as React from 'react-18';
import { createRoot } from 'react-dom-18/client';

import { createHelpDeskComponents } from '../../../src/react/index.js';
import { type ExampleOptions, exampleText, type MountExample } from '../example.js';

const { HelpDeskProvider, ConversationList, ThreadView, ReplyEditor } = createHelpDeskComponents(React);
const h = React.createElement;

function Inbox({ store, density = 'comfortable' }: ExampleOptions) {
  const [hideSearch, setHideSearch] = React.useState(false);
  const [selected, setSelected] = React.useState<string | null>(null);
  const [lastReply, setLastReply] = React.useState<string | null>(null);
  // Not an element property: React 18 sets it as an attribute (absent when undefined).
  const hideSearchAttribute = { 'hide-search': hideSearch ? '' : undefined };
  return h(
    'div',
    { className: 'framework-example' },
    h(
      'label',
      null,
      h('input', {
        type: 'checkbox',
        checked: hideSearch,
        onChange: (event: React.ChangeEvent<HTMLInputElement>) => setHideSearch(event.target.checked),
      }),
      ` ${exampleText.hideSearch}`,
    ),
    h('p', { role: 'status' }, exampleText.selected(selected), ' · ', exampleText.lastReply(lastReply)),
    h(
      HelpDeskProvider,
      { store },
      h(ConversationList, {
        density,
        ...hideSearchAttribute,
        onConversationSelect: (event) => setSelected(event.detail.conversationId),
      }),
      selected && h(ThreadView, { conversationId: selected }),
      selected &&
        h(ReplyEditor, {
          conversationId: selected,
          onMessageSend: (event) => setLastReply(event.detail.text),
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
