// The demo desk: a provider on the in-memory backend with simulated traffic. Until the element
// issues land, each pane is a placeholder; the conversation count and latest activity are read
// from the store, so the page shows the live data flowing.
import '../src/define.js';

import { MemoryAdapter } from '../src/adapters/memory/index.js';
import type { HelpDeskProvider } from '../src/elements/help-desk-provider/help-desk-provider.js';
import { createFixture } from '../src/fixtures/index.js';

const provider = document.querySelector<HelpDeskProvider>('#desk')!;
provider.adapter = new MemoryAdapter({
  fixture: createFixture({ seed: 1, conversations: 200 }),
  simulateTraffic: true,
});

for (const id of ['theme', 'locale'] as const) {
  document.querySelector<HTMLSelectElement>(`#${id}`)!.addEventListener('change', (event) => {
    provider.setAttribute(id, (event.target as HTMLSelectElement).value);
  });
}

const count = document.querySelector('#conversation-count')!;
const latest = document.querySelector('#latest')!;
provider.updateComplete.then(() => {
  const store = provider.activeStore!;
  store.conversationList$.subscribe((list) => {
    count.textContent = String(list.total ?? list.ids.length);
    const rows = list.ids.slice(0, 5).map((id) => {
      const conversation = store.state.conversations.byId[id];
      const item = document.createElement('li');
      // Channel data is untrusted: textContent, never innerHTML.
      item.textContent = `${conversation?.contactName || 'Unknown contact'}: ${conversation?.lastMessage?.preview ?? ''}`;
      return item;
    });
    latest.replaceChildren(...rows);
  });
});
