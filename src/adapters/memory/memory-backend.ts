import type { Subject } from 'rxjs';

import type { Fixture } from '../../fixtures/index.js';
import type {
  Agent,
  Attachment,
  ChannelAccount,
  ChannelDefinition,
  Contact,
  Conversation,
  ConversationFilters,
  IncomingMessage,
  Insertable,
  InsertableKind,
  Message,
  OutgoingDraft,
  Pipeline,
  Team,
  Ticket,
  TicketPatch,
  View,
} from '../../model/index.js';
import type {
  AccountPatch,
  ConnectAccountInput,
  ConversationQuery,
  HelpDeskAdapter,
  HelpDeskEvent,
  MessagePageQuery,
  Page,
  UploadOptions,
} from '../adapter.js';
import { HelpDeskError } from '../errors.js';
import { checkCredentials, publicCredentials, secretCredentials } from './credentials.js';
import type { MemoryAdapterOptions } from './memory-adapter.js';
import { receive, sendMessage } from './messaging.js';
import { copy, MemoryState } from './state.js';
import { updateTicket } from './tickets.js';
import { Timers } from './timers.js';
import { upload } from './uploads.js';

/** The MemoryAdapter's workings (see memory-adapter.ts): a chunk loaded when one is first made. */
export class MemoryBackend implements Omit<HelpDeskAdapter, 'events$'> {
  /** Set at once when a fixture is given, else when the default one has arrived (`ready`). */
  private state!: MemoryState;
  private readonly ready: Promise<void>;
  private readonly timers = new Timers();
  private readonly latencyMs: number;
  private disposed = false;

  constructor(
    options: MemoryAdapterOptions,
    /** Where its events go out: the MemoryAdapter's `events$`. */
    private readonly events: Subject<HelpDeskEvent>,
  ) {
    this.latencyMs = Math.max(0, options.latencyMs ?? 0);
    const serve = (fixture: Fixture) => {
      this.state = new MemoryState(fixture, this.events);
    };
    if (options.fixture) {
      serve(options.fixture);
      this.ready = Promise.resolve();
    } else {
      this.ready = import('../../fixtures/index.js').then((fixtures) => serve(fixtures.createFixture()));
    }
    const traffic = options.simulateTraffic;
    if (traffic) void this.simulateTraffic(traffic === true ? {} : traffic);
  }

  /** Customers writing in; the traffic's texts are a chunk of their own too. */
  private async simulateTraffic(settings: { intervalMs?: number; seed?: number }): Promise<void> {
    const [{ createTrafficRandom, nextIncoming }] = await Promise.all([import('./traffic.js'), this.ready]);
    if (this.disposed) return;
    const random = createTrafficRandom(settings.seed ?? 1);
    let serial = 0;
    this.timers.every(settings.intervalMs ?? 3000, () => {
      const incoming = nextIncoming(this.state, random, ++serial);
      if (incoming) void this.receive(incoming).catch(() => undefined);
    });
  }

  /** Runs a request after the latency; the result leaves as a copy. */
  private async call<T>(run: () => T): Promise<T> {
    await this.ready;
    await this.timers.delay(this.latencyMs);
    if (this.disposed) throw new HelpDeskError('unavailable', 'The adapter has been disposed.');
    return copy(run());
  }

  private channel(id: string): ChannelDefinition {
    const channel = this.state.channels.get(id);
    if (!channel) throw new HelpDeskError('not-found', `No channel with id "${id}".`);
    return channel;
  }

  listChannels(): Promise<ChannelDefinition[]> {
    return this.call(() => [...this.state.channels.values()]);
  }

  listAccounts(): Promise<ChannelAccount[]> {
    return this.call(() => [...this.state.accounts.values()]);
  }

  connectAccount(input: ConnectAccountInput): Promise<ChannelAccount> {
    return this.call(() => {
      const channel = this.channel(input.channelId);
      if (!channel.installed)
        throw new HelpDeskError('conflict', `${channel.name} is not installed. Install the app first.`);
      if (!channel.authorized)
        throw new HelpDeskError(
          'conflict',
          `${channel.name} needs to be authorized again before accounts can be connected.`,
        );
      checkCredentials(channel, input.credentials);
      const account: ChannelAccount = {
        id: this.state.newId('acc', this.state.accounts),
        channelId: channel.id,
        name: input.name?.trim() || `${channel.name} account`,
        status: 'active',
        routing: input.routing,
        createdAt: this.state.now(),
        credentials: publicCredentials(channel, input.credentials),
      };
      this.state.secrets.set(account.id, secretCredentials(channel, input.credentials));
      this.state.accounts.set(account.id, account);
      this.state.emit({ type: 'account.updated', seq: this.state.nextSeq(account.id), account });
      return account;
    });
  }

  updateAccount(id: string, patch: AccountPatch): Promise<ChannelAccount> {
    return this.call(() => {
      const account = this.state.account(id);
      const channel = this.channel(account.channelId);
      const updated: ChannelAccount = { ...account };
      if (patch.name !== undefined) {
        if (!patch.name.trim())
          throw new HelpDeskError('invalid', 'Give the account a name.', {
            fieldErrors: { name: 'Required' },
          });
        updated.name = patch.name.trim();
      }
      if (patch.status !== undefined) updated.status = patch.status;
      if (patch.routing !== undefined) updated.routing = patch.routing;
      if (patch.credentials !== undefined) {
        checkCredentials(channel, patch.credentials, true);
        updated.credentials = { ...account.credentials, ...publicCredentials(channel, patch.credentials) };
        this.state.secrets.set(id, {
          ...this.state.secrets.get(id),
          ...secretCredentials(channel, patch.credentials),
        });
      }
      this.state.accounts.set(id, updated);
      this.state.emit({ type: 'account.updated', seq: this.state.nextSeq(id), account: updated });
      return updated;
    });
  }

  deleteAccount(id: string): Promise<void> {
    return this.call(() => {
      const account = this.state.account(id);
      this.state.accounts.delete(id);
      this.state.secrets.delete(id);
      this.state.emit({ type: 'account.updated', seq: this.state.nextSeq(id), account, deleted: true });
    });
  }

  listConversations(query: ConversationQuery): Promise<Page<Conversation>> {
    return this.call(() => {
      const view = query.viewId === undefined ? undefined : this.state.views.get(query.viewId);
      if (query.viewId !== undefined && !view)
        throw new HelpDeskError('not-found', `No view with id "${query.viewId}".`);
      return this.state.index.query(query, view?.filters, view?.text);
    });
  }

  listMessages(conversationId: string, page: MessagePageQuery): Promise<Page<Message>> {
    return this.call(() => {
      this.state.conversation(conversationId);
      if (!Number.isInteger(page.limit) || page.limit < 1) {
        throw new HelpDeskError('invalid', 'The page size must be a whole number of at least 1.', {
          fieldErrors: { limit: 'Must be 1 or more' },
        });
      }
      const list = this.state.messagesOf(conversationId);
      let end = list.length;
      if (page.before) {
        const match = /^m1\.(\d+)$/.exec(page.before);
        if (!match)
          throw new HelpDeskError('invalid', 'The page cursor is not one this adapter gave out.', {
            fieldErrors: { before: 'Unknown cursor' },
          });
        end = Math.min(list.length, Number(match[1]) - 1);
      }
      const start = Math.max(0, end - page.limit);
      return {
        items: list.slice(start, end),
        nextCursor: start > 0 ? `m1.${list[start]!.seq}` : null,
        total: list.length,
      };
    });
  }

  sendMessage(conversationId: string, draft: OutgoingDraft): Promise<Message> {
    return this.call(() => sendMessage(this.state, this.timers, this.latencyMs, conversationId, draft));
  }

  /** Plays a message arriving from the external channel; idempotent by `externalId`. */
  receive(incoming: IncomingMessage): Promise<Message> {
    return this.call(() => receive(this.state, incoming));
  }

  async uploadAttachment(file: File, options?: UploadOptions): Promise<Attachment> {
    await this.ready;
    if (this.disposed) throw new HelpDeskError('unavailable', 'The adapter has been disposed.');
    return upload(this.timers, this.latencyMs, this.state.newId('upload'), file, options);
  }

  markRead(conversationId: string): Promise<void> {
    return this.call(() => {
      const conversation = this.state.conversation(conversationId);
      this.state.putConversation({ ...conversation, unreadCount: 0 });
    });
  }

  getTicket(id: string): Promise<Ticket> {
    return this.call(() => this.state.ticket(id));
  }

  updateTicket(id: string, patch: TicketPatch): Promise<Ticket> {
    return this.call(() => updateTicket(this.state, id, patch));
  }

  getContact(id: string): Promise<Contact> {
    return this.call(() => {
      const contact = this.state.contacts.get(id);
      if (!contact) throw new HelpDeskError('not-found', `No contact with id "${id}".`);
      return contact;
    });
  }

  listPastConversations(contactId: string): Promise<Conversation[]> {
    return this.call(() => {
      if (!this.state.contacts.has(contactId))
        throw new HelpDeskError('not-found', `No contact with id "${contactId}".`);
      const at = (c: Conversation) => c.lastMessage?.at ?? c.createdAt;
      return [...this.state.conversations.values()]
        .filter((c) => c.contactId === contactId)
        .sort((a, b) => (at(a) < at(b) ? 1 : -1));
    });
  }

  listAgents(): Promise<Agent[]> {
    return this.call(() => this.state.agents);
  }

  listTeams(): Promise<Team[]> {
    return this.call(() => this.state.teams);
  }

  listPipelines(): Promise<Pipeline[]> {
    return this.call(() => this.state.pipelines);
  }

  listViews(): Promise<View[]> {
    return this.call(() => [...this.state.views.values()]);
  }

  saveView(input: { name: string; filters: ConversationFilters; text?: string }): Promise<View> {
    return this.call(() => {
      if (!input.name.trim())
        throw new HelpDeskError('invalid', 'Give the view a name.', { fieldErrors: { name: 'Required' } });
      const view: View = {
        id: this.state.newId('view', this.state.views),
        name: input.name.trim(),
        filters: { ...input.filters },
      };
      if (input.text) view.text = input.text;
      this.state.views.set(view.id, view);
      return view;
    });
  }

  deleteView(id: string): Promise<void> {
    return this.call(() => {
      if (!this.state.views.delete(id)) throw new HelpDeskError('not-found', `No view with id "${id}".`);
    });
  }

  searchInsertables(kind: InsertableKind, text: string): Promise<Insertable[]> {
    return this.call(() => {
      const needle = text.trim().toLowerCase();
      return this.state.insertables.filter(
        (i) =>
          i.kind === kind &&
          (!needle || i.title.toLowerCase().includes(needle) || i.body.toLowerCase().includes(needle)),
      );
    });
  }

  getCurrentAgent(): Promise<Agent> {
    return this.call(() => {
      const agent = this.state.agents.find((a) => a.id === this.state.currentAgentId);
      if (!agent) throw new HelpDeskError('not-found', `No agent with id "${this.state.currentAgentId}".`);
      return agent;
    });
  }

  /** Stops timers and simulated traffic and completes `events$`. */
  dispose(): void {
    this.disposed = true;
    this.timers.stop();
    this.events.complete();
  }
}
