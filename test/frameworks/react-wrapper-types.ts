// Compile-time checks of `helpdesk-elements/react` (run by `tsc --noEmit`, not by the browser): the
// wrappers' props are the elements' properties and their events are typed by the kit's event map.
import { createElement } from 'react';

import { ConversationList, HelpDeskProvider, ReplyEditor, ThreadView } from '../../src/react/index.js';
import type { HelpDeskStore } from '../../src/state/store.js';

export function typedWrappers(store: HelpDeskStore) {
  return [
    createElement(HelpDeskProvider, { store, theme: 'dark' }),
    createElement(ConversationList, {
      density: 'compact',
      hideSearch: true,
      onConversationSelect: (event) => event.detail.conversationId.toUpperCase(),
    }),
    createElement(ThreadView, { conversationId: 'conv-1', onReplyTo: (event) => event.detail }),
    createElement(ReplyEditor, {
      conversationId: 'conv-1',
      onMessageSend: (event) => event.detail.text.trim(),
    }),
    // @ts-expect-error density is the list's own union of values
    createElement(ConversationList, { density: 'huge' }),
    // @ts-expect-error the store is a HelpDeskStore, not any object
    createElement(HelpDeskProvider, { store: { state: {} } }),
    // @ts-expect-error message-send's detail has no such field
    createElement(ReplyEditor, { onMessageSend: (event) => event.detail.nope }),
  ];
}
