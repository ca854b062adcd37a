// The plain-HTML example: no framework and no build step, just the DOM. Loaded as it is by ./index.html
// (and by the framework tests), so it is JavaScript, typed for TypeScript users by ./app.d.ts.
// Same app as the other examples (see ../example.ts): `store` and `density` are properties, "Hide search"
// toggles the `hide-search` attribute, and the list's and editor's events update the status line.

const hideSearchLabel = 'Hide search';
const selectedText = (id) => `Selected conversation: ${id ?? 'none'}`;
const lastReplyText = (text) => `Last reply: ${text ?? 'none'}`;

/**
 * Renders the inbox into `container`; the kit's elements must be defined (import 'helpdesk-elements/define.js').
 * @param {HTMLElement} container
 * @param {{ store: object, density?: 'comfortable' | 'compact' }} options
 */
export function mount(container, options) {
  let current = { density: 'comfortable', ...options };
  let selected = null;
  let lastReply = null;

  const root = document.createElement('div');
  root.className = 'framework-example';
  const label = document.createElement('label');
  const checkbox = document.createElement('input');
  checkbox.type = 'checkbox';
  label.append(checkbox, ` ${hideSearchLabel}`);
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  const provider = document.createElement('help-desk-provider');
  const list = document.createElement('conversation-list');
  const thread = document.createElement('thread-view');
  const editor = document.createElement('reply-editor');
  provider.append(list);
  root.append(label, status, provider);

  const render = () => {
    provider.store = current.store; // an object: only a property can carry it
    list.density = current.density;
    status.textContent = `${selectedText(selected)} · ${lastReplyText(lastReply)}`;
    if (selected) {
      thread.conversationId = selected;
      editor.conversationId = selected;
      if (!thread.isConnected) provider.append(thread, editor);
    }
  };

  const onHideSearch = () => list.toggleAttribute('hide-search', checkbox.checked);
  const onSelect = (event) => {
    selected = event.detail.conversationId;
    render();
  };
  const onSend = (event) => {
    lastReply = event.detail.text;
    render();
  };
  checkbox.addEventListener('change', onHideSearch);
  list.addEventListener('conversation-select', onSelect);
  editor.addEventListener('message-send', onSend);

  render();
  container.append(root);
  return {
    update(next) {
      current = { ...current, ...next };
      render();
    },
    unmount() {
      checkbox.removeEventListener('change', onHideSearch);
      list.removeEventListener('conversation-select', onSelect);
      editor.removeEventListener('message-send', onSend);
      root.remove();
    },
  };
}
