// Simulated traffic for demos: now and then a customer writes, on an existing conversation or,
// about one time in four, starting a new one. Seeded, so a demo replays the same story.
import { mulberry32 } from '../../fixtures/random.js';
import { EN, PT } from '../../fixtures/text.js';
import type { IncomingMessage } from '../../model/index.js';
import type { MemoryState } from './state.js';

const NEW_SENDERS = [
  'Harper Quinn',
  'Rafaela Moreira',
  'Leo Hartmann',
  'Bruna Teixeira',
  'Nadia Karimi',
  'Caio Ribeiro',
];

/** The next simulated incoming message, or null when no active account can receive one. */
export function nextIncoming(
  state: MemoryState,
  random: () => number,
  serial: number,
): IncomingMessage | null {
  const active = [...state.accounts.values()].filter(
    (a) => a.status === 'active' && state.channels.get(a.channelId)?.installed,
  );
  if (active.length === 0) return null;
  const lines = random() < 0.4 ? PT.contact : EN.contact;
  const text = lines[Math.floor(random() * lines.length)]!;
  const externalId = `sim-${serial}`;
  if (random() >= 0.25) {
    // An existing conversation: a few tries at a random one on an active account.
    const ids = state.conversationIds;
    for (let attempt = 0; attempt < 8 && ids.length > 0; attempt++) {
      const conversation = state.conversations.get(ids[Math.floor(random() * ids.length)]!)!;
      const account = conversation.channelAccountId
        ? state.accounts.get(conversation.channelAccountId)
        : undefined;
      if (account && active.includes(account))
        return { channelAccountId: account.id, conversationId: conversation.id, text, externalId };
    }
  }
  const account = active[Math.floor(random() * active.length)]!;
  const name = NEW_SENDERS[Math.floor(random() * NEW_SENDERS.length)]!;
  const address = `+1555${String(1_000_000 + serial).slice(-7)}`;
  return {
    channelAccountId: account.id,
    threadId: `thr-sim-${serial}`,
    from: { name, address },
    text,
    externalId,
  };
}

export function createTrafficRandom(seed: number): () => number {
  return mulberry32(seed);
}
