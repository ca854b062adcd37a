/**
 * Fixtures made hostile: createFixture() data with the corpus put in every field a channel or a
 * backend controls and the elements show (texts, names, descriptions, URLs, MIME types).
 */
import { createFixture, type Fixture } from '../../src/fixtures/index.js';
import type { Attachment, AttachmentKind, Message } from '../../src/model/index.js';
import type { Vector } from './vectors.js';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const KINDS: AttachmentKind[] = ['image', 'sticker', 'video', 'audio', 'voice-note', 'file'];

/** Ids of the three messages each vector becomes in a chunk's thread. */
export const messageIds = (index: number) => ({
  text: `sec-${index}-text`,
  rich: `sec-${index}-rich`,
  files: `sec-${index}-files`,
});

/**
 * Every kind of attachment with the vector as name, URL, thumbnail and MIME type (so the URL
 * checks decide), and an image, a sticker and a file with a safe URL (so the real media, the
 * download link and its `download` name render with the hostile name and type).
 */
export function hostileAttachments(value: string, index: number): Attachment[] {
  const hostile = KINDS.map((kind, k) => ({
    id: `a-${index}-${k}-u`,
    kind,
    name: value,
    url: value,
    thumbnailUrl: value,
    mimeType: value,
    sizeBytes: 1234,
  }));
  const safe = (['image', 'sticker', 'file'] as const).map((kind, k) => ({
    id: `a-${index}-${k}-s`,
    kind,
    name: value,
    url: kind === 'file' ? 'https://example.com/file' : PNG,
    thumbnailUrl: PNG,
    mimeType: value,
    sizeBytes: 1234,
    width: 4,
    height: 4,
  }));
  return [...hostile, ...safe];
}

/**
 * One conversation per chunk of vectors; each vector is three incoming messages of it: plain text
 * (also the sender's name), a rich body, and attachments.
 */
export function hostileThreads(chunks: Vector[][]): Fixture {
  const fixture = createFixture({ seed: 5, conversations: chunks.length, messagesPerConversation: 1 });
  fixture.conversations.forEach((conversation, c) => {
    const template = fixture.messages[conversation.id]![0]!;
    const base = Date.parse(template.createdAt) - 3 * 60_000 * chunks[c]!.length;
    const list: Message[] = [];
    const add = (id: string, patch: Partial<Message>) =>
      list.push({
        ...template,
        id,
        clientId: `client-${id}`,
        seq: list.length + 1,
        direction: 'incoming',
        createdAt: new Date(base + list.length * 60_000).toISOString(),
        attachments: [],
        richText: undefined,
        replyToId: undefined,
        ...patch,
      });
    for (const vector of chunks[c]!) {
      const ids = messageIds(vector.line);
      const sender = { kind: 'contact' as const, name: vector.value };
      add(ids.text, { text: vector.value, sender });
      add(ids.rich, { text: `rich ${vector.line}`, richText: vector.value, sender });
      add(ids.files, { text: '', attachments: hostileAttachments(vector.value, vector.line), sender });
    }
    fixture.messages[conversation.id] = list;
  });
  return fixture;
}

/**
 * One conversation per vector, with the vector as contact name (and e-mail, phone, company,
 * avatar), ticket name, last-message preview and message text; one channel and one account per
 * vector too, with the vector as name, description and logo URL.
 */
export function hostileEntities(vectors: Vector[]): Fixture {
  const fixture = createFixture({ seed: 6, conversations: vectors.length, messagesPerConversation: 1 });
  const contactTemplate = fixture.contacts[0]!;
  const ticketTemplate = fixture.tickets[0]!;
  const channelTemplate = fixture.channels[0]!;
  const accountTemplate = fixture.accounts[0]!;
  fixture.conversations.forEach((conversation, i) => {
    const value = vectors[i]!.value;
    const contactId = `sec-contact-${i}`;
    const ticketId = `sec-ticket-${i}`;
    fixture.contacts.push({
      ...contactTemplate,
      id: contactId,
      name: value,
      email: value,
      phone: value,
      company: value,
      avatarUrl: value,
    });
    fixture.tickets.push({ ...ticketTemplate, id: ticketId, name: value, contactId });
    Object.assign(conversation, {
      contactId,
      contactName: value,
      contactAvatarUrl: value,
      ticketId,
      ticketName: value,
      lastMessage: conversation.lastMessage && { ...conversation.lastMessage, preview: value },
    });
    for (const message of fixture.messages[conversation.id]!) {
      message.text = value;
      message.sender = { ...message.sender, name: value };
    }
  });
  vectors.forEach((vector, i) => {
    const channelId = `sec-channel-${i}`;
    fixture.channels.push({
      ...channelTemplate,
      id: channelId,
      name: vector.value,
      description: vector.value,
      logoUrl: vector.value,
      installed: true,
      authorized: true,
    });
    fixture.accounts.push({ ...accountTemplate, id: `sec-account-${i}`, channelId, name: vector.value });
  });
  return fixture;
}
