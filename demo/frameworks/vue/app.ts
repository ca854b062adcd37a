/**
 * Vue 3 renders custom elements natively. On an element, a prop the element has as a property (`store`,
 * `density`, `conversationId`) is set as that property, any other as an attribute (`hide-search`: give it
 * `null` to remove it, since Vue would write `false` as the string "false"), and `onConversationSelect`
 * (`@conversation-select` in a template) listens to the `conversation-select` DOM event.
 * Written with `h()` render functions, so it runs on Vue's runtime-only build with no compile step; the
 * single-file-component form is in demo/frameworks/README.md. The store is passed as a prop, never put in
 * `ref()` or `reactive()`: a deep reactive proxy of it would reach the elements instead of the store.
 */
import { createApp, defineComponent, h, type PropType, ref, shallowReactive } from 'vue';

import type { ConversationSelectEvent, HelpDeskStore, MessageSendEvent } from '../../../src/index.js';
import { type ExampleOptions, exampleText, type MountExample } from '../example.js';

const Inbox = defineComponent({
  props: {
    store: { type: Object as PropType<HelpDeskStore>, required: true },
    density: { type: String as PropType<ExampleOptions['density']>, default: 'comfortable' },
  },
  setup(props) {
    const hideSearch = ref(false);
    const selected = ref<string | null>(null);
    const lastReply = ref<string | null>(null);
    return () =>
      h('div', { class: 'framework-example' }, [
        h('label', [
          h('input', {
            type: 'checkbox',
            checked: hideSearch.value,
            onChange: (event: Event) => (hideSearch.value = (event.target as HTMLInputElement).checked),
          }),
          ` ${exampleText.hideSearch}`,
        ]),
        h('p', { role: 'status' }, [
          exampleText.selected(selected.value),
          ' · ',
          exampleText.lastReply(lastReply.value),
        ]),
        h('help-desk-provider', { store: props.store }, [
          h('conversation-list', {
            density: props.density,
            'hide-search': hideSearch.value ? '' : null,
            onConversationSelect: (event: ConversationSelectEvent) =>
              (selected.value = event.detail.conversationId),
          }),
          selected.value && h('thread-view', { conversationId: selected.value }),
          selected.value &&
            h('reply-editor', {
              conversationId: selected.value,
              onMessageSend: (event: MessageSendEvent) => (lastReply.value = event.detail.text),
            }),
        ]),
      ]);
  },
});

export const mount: MountExample = (container, options) => {
  // Shallow: the app re-renders when an option changes, and the store inside stays the store itself.
  const props = shallowReactive({ ...options });
  const app = createApp({ render: () => h(Inbox, props) });
  app.mount(container);
  return {
    update: (next) => void Object.assign(props, next),
    unmount: () => app.unmount(),
  };
};
