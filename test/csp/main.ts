// The page test/node/csp.test.mjs builds with Vite and serves under a strict Content-Security-Policy
// with Trusted Types enforced: a whole desk and a connect wizard, each on its own in-memory backend.
// The newest conversation gets one extra message that carries everything a thread renders from
// data: a rich body (formatting, a link, a list, a quote, an inline image) and every kind of
// attachment as data: URLs. With `?hostile` in the URL the rich body also carries markup an attacker
// would send (inline styles, event handlers, a <style> element), which the sanitizer must strip.
import '../../src/define.js';

import { MemoryAdapter } from '../../src/adapters/memory/index.js';
import type { HelpDeskProvider } from '../../src/elements/help-desk-provider/help-desk-provider.js';
import { createFixture, type Fixture } from '../../src/fixtures/index.js';
import { ATTACHMENT_TEMPLATES } from '../../src/fixtures/media.js';
import type { Attachment, Message } from '../../src/model/index.js';

/** The text of the probe message; test/node/csp.test.mjs finds the message by it. */
const PROBE_TEXT = 'CSP probe: rich body and every kind of attachment';

const PNG = ATTACHMENT_TEMPLATES.image.find((a) => a.mimeType === 'image/png')!.url;

const RICH_BODY = [
  '<p>Your order <strong>#1042</strong> shipped. <a href="https://acme.example/track">Track it</a></p>',
  '<ul><li>Box</li><li><em>Charger</em></li></ul>',
  `<p><img src="${PNG}" alt="Receipt" width="1" height="1"></p>`,
  '<blockquote>Quoted <code>text</code></blockquote>',
].join('');

/** What the sanitizer must strip; the browser reports each inline style and handler it parses. */
const HOSTILE_BODY = [
  '<p style="color: red" onclick="alert(1)">Styled <span style="font-size: 40px">and</span> handled</p>',
  '<p><img src="x" onerror="alert(2)" alt="Broken"></p><style>p { color: red }</style>',
].join('');

const hostile = new URLSearchParams(location.search).has('hostile');

function addProbeMessage(fixture: Fixture): void {
  const conversation = fixture.conversations[0]!;
  const thread = fixture.messages[conversation.id]!;
  const last = thread.at(-1)!;
  const attachments: Attachment[] = Object.values(ATTACHMENT_TEMPLATES)
    .flat()
    .map((template, i) => ({ ...template, id: `csp-attachment-${i}` }));
  const contact = fixture.contacts.find((c) => c.id === conversation.contactId);
  const probe: Message = {
    id: 'csp-probe',
    clientId: 'csp-probe',
    conversationId: conversation.id,
    seq: last.seq + 1,
    direction: 'incoming',
    sender: contact
      ? { kind: 'contact', id: contact.id, name: contact.name }
      : { kind: 'system', name: 'System' },
    text: PROBE_TEXT,
    richText: `<p>${PROBE_TEXT}</p>${RICH_BODY}${hostile ? HOSTILE_BODY : ''}`,
    attachments,
    createdAt: new Date(Date.parse(last.createdAt) + 1000).toISOString(),
    channel: last.channel,
    status: 'delivered',
  };
  thread.push(probe);
  conversation.lastMessage = { preview: PROBE_TEXT, at: probe.createdAt, direction: 'incoming' };
}

const deskFixture = createFixture({ seed: 7, conversations: 12, messagesPerConversation: 12 });
addProbeMessage(deskFixture);

const desk = document.querySelector<HelpDeskProvider>('#desk')!;
const channels = document.querySelector<HelpDeskProvider>('#channels')!;
desk.adapter = new MemoryAdapter({ fixture: deskFixture });
channels.adapter = new MemoryAdapter({ fixture: createFixture({ seed: 3, conversations: 4 }) });

document.querySelector<HTMLSelectElement>('#locale')!.addEventListener('change', (event) => {
  const locale = (event.target as HTMLSelectElement).value;
  for (const provider of [desk, channels]) provider.setAttribute('locale', locale);
});
