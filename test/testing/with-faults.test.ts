import { expect } from '@open-wc/testing';

import type { HelpDeskEvent } from '../../src/adapters/adapter.js';
import { HelpDeskError } from '../../src/adapters/errors.js';
import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import { createFixture } from '../../src/fixtures/index.js';
import { withFaults } from '../../src/testing/index.js';

function setUp(options: Parameters<typeof withFaults>[1]) {
  const fixture = createFixture({ seed: 3, conversations: 5 });
  const inner = new MemoryAdapter({ fixture });
  const adapter = withFaults(inner, options);
  const conversation = fixture.conversations[0];
  const arrive = (text: string) =>
    inner.receive({
      channelAccountId: conversation.channelAccountId!,
      conversationId: conversation.id,
      text,
    });
  return { adapter, arrive };
}

/** Texts of the message events a subscriber saw, in order. */
function messageTexts(events: HelpDeskEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'message.created' ? [event.message.text ?? ''] : []));
}

describe('withFaults', () => {
  it('fails the chosen methods with the chosen code', async () => {
    const { adapter } = setUp({ failRate: 1, failCode: 'conflict', failMethods: ['listAgents'] });
    const error = await adapter.listAgents().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(HelpDeskError);
    expect((error as HelpDeskError).code).to.equal('conflict');
    expect(await adapter.listTeams()).to.be.an('array');
  });

  it('drops and duplicates events at the given rates', async () => {
    const dropped = setUp({ dropRate: 1 });
    const seenDropped: HelpDeskEvent[] = [];
    dropped.adapter.events$.subscribe((event) => seenDropped.push(event));
    await dropped.arrive('one');
    expect(messageTexts(seenDropped)).to.deep.equal([]);

    const doubled = setUp({ duplicateRate: 1 });
    const seenDoubled: HelpDeskEvent[] = [];
    doubled.adapter.events$.subscribe((event) => seenDoubled.push(event));
    await doubled.arrive('two');
    expect(messageTexts(seenDoubled)).to.deep.equal(['two', 'two']);
  });

  it('holds events while disconnected and gives each subscriber each of them once on reconnect', async () => {
    const { adapter, arrive } = setUp({});
    const first: HelpDeskEvent[] = [];
    const second: HelpDeskEvent[] = [];
    adapter.events$.subscribe((event) => first.push(event));
    adapter.events$.subscribe((event) => second.push(event));
    adapter.disconnect();
    await arrive('while away');
    expect(messageTexts(first)).to.deep.equal([]);
    adapter.reconnect();
    expect(messageTexts(first)).to.deep.equal(['while away']);
    expect(messageTexts(second)).to.deep.equal(['while away']);
    expect(first.some((event) => event.type === 'connection' && event.state === 'online')).to.be.true;
  });
});
