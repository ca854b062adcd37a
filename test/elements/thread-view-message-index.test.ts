import { expect } from '@open-wc/testing';

import { MessageIndex } from '../../src/elements/thread-view/message-index.js';
import type { Message } from '../../src/model/index.js';

const message = (id: string): Message => ({ id }) as Message;

describe('<thread-view> message index (kept across pages, not made again per page)', () => {
  it('finds every loaded message by id as older pages and new messages arrive, and none that left', () => {
    const index = new MessageIndex();
    let messages = Array.from({ length: 50 }, (_, i) => message(`m${i}`));
    const check = () => {
      expect(index.keys(messages)).to.deep.equal(messages.map((m) => m.id));
      for (const m of [messages[0]!, messages[20]!, messages.at(-1)!]) expect(index.get(m.id)).to.equal(m);
    };
    check();
    messages = [...Array.from({ length: 30 }, (_, i) => message(`older${i}`)), ...messages];
    check();
    messages = [...messages, message('newest')];
    check();
    // A message changed (its status): the object is another one, and the lookup gives the new one.
    const changed = { ...messages[10]!, status: 'read' } as Message;
    messages = messages.map((m, i) => (i === 10 ? changed : m));
    index.keys(messages);
    expect(index.get(changed.id)).to.equal(changed);
    // A local copy replaced by the server's: the local id is gone.
    messages = [...messages.slice(0, -1), message('server')];
    index.keys(messages);
    expect(index.get('newest')).to.equal(undefined);
    expect(index.get('server')).to.equal(messages.at(-1));
  });
});
