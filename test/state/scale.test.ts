import { expect } from '@open-wc/testing';

import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { createFixture } from '../../src/fixtures/index.js';
import type { Conversation } from '../../src/model/index.js';
import { HelpDeskStore } from '../../src/state/store.js';
import { flush, latest } from './fake-adapter.js';

// The store keeps its tables in persistent maps and finds rows by binary search; these tests check
// that the list it shows stays the backend's list while pages and events interleave at some size.
describe('HelpDeskStore at scale', () => {
  const fixture = createFixture({ seed: 9, conversations: 3000 });
  let adapter: MemoryAdapter;
  let store: HelpDeskStore;

  beforeEach(async () => {
    adapter = new MemoryAdapter({ fixture });
    store = new HelpDeskStore(adapter, { storage: null, pageSize: 250 });
    await store.start();
  });
  afterEach(() => {
    store.dispose();
    adapter.dispose();
  });

  async function backendOrder(): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof adapter.listConversations>> = await adapter.listConversations({
        cursor,
        limit: 1000,
      });
      ids.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }

  it('pages through every conversation once, in the backend order, with every entity', async () => {
    while (latest(store.conversationList$).hasMore) await store.loadMoreConversations();
    const { ids } = latest(store.conversationList$);
    expect(ids).to.have.length(3000);
    expect(new Set(ids).size).to.equal(3000);
    expect(ids).to.deep.equal(await backendOrder());
    expect(Object.keys(store.state.conversations.byId)).to.have.length(3000);
    const last = ids.at(-1)!;
    expect(latest(store.conversation$(last))?.id).to.equal(last);
  });

  it('moves conversations with new messages to the top while pages keep arriving', async () => {
    await store.loadMoreConversations();
    const targets = fixture.conversations.filter((c) => c.channelAccountId === 'acc-lumen').slice(100, 110);
    for (const [i, target] of targets.entries()) {
      await adapter.receive({ channelAccountId: 'acc-lumen', conversationId: target.id, text: `news ${i}` });
      if (i % 3 === 0) await store.loadMoreConversations();
    }
    await flush();
    const { ids } = latest(store.conversationList$);
    expect(ids.slice(0, targets.length)).to.deep.equal(targets.map((t) => t.id).reverse());
    expect(new Set(ids).size).to.equal(ids.length);
    const shown = ids.map((id) => store.state.conversations.byId[id] as Conversation);
    expect(shown.every((c) => c !== undefined)).to.be.true;
    expect(shown[0]!.lastMessage!.preview).to.equal(`news ${targets.length - 1}`);
  });

  it('shows a long thread and a message that joins it in seq order', async () => {
    const long = createFixture({ seed: 9, conversations: 20, firstConversationMessages: 3000 });
    const longAdapter = new MemoryAdapter({ fixture: long });
    const longStore = new HelpDeskStore(longAdapter, { storage: null, pageSize: 1000 });
    await longStore.start();
    const id = long.conversations[0]!.id;
    await longStore.loadMessages(id);
    await longStore.loadOlderMessages(id);
    const account = long.conversations[0]!.channelAccountId;
    if (account) await longAdapter.receive({ channelAccountId: account, conversationId: id, text: 'Newest' });
    else await longAdapter.sendMessage(id, { clientId: 'scale-1', text: 'Newest', channel: 'email' });
    await flush();
    const { messages } = latest(longStore.thread$(id));
    expect(messages.map((m) => m.seq)).to.deep.equal(Array.from({ length: 2001 }, (_, i) => 1000 + i + 1));
    expect(messages.at(-1)!.text).to.equal('Newest');
    longStore.dispose();
    longAdapter.dispose();
  });
});
