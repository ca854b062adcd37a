import { msg } from '@lit/localize';
import type { ReactiveControllerHost } from 'lit';

import type {
  ChannelCapabilities,
  Conversation,
  Message,
  MessageChannel,
  Pipeline,
  PipelineStage,
  Ticket,
} from '../../model/index.js';
import type { Draft } from '../../state/drafts.js';
import { selectDraft } from '../../state/selectors.js';
import type { HelpDeskStore } from '../../state/store.js';
import { StreamController } from '../../state/stream-controller.js';
import { effectiveCapabilities } from './capabilities.js';
import type { ChannelOption } from './channel-menu.js';

/**
 * Everything the editor reads from the store about the conversation it replies in: the
 * conversation, its channel's capabilities and account, the thread (for the reply target), the
 * ticket and its pipeline. Each stream goes through a StreamController.
 */
export class ReplyContext {
  private readonly conversationStream: StreamController<Conversation | null>;
  private readonly channels;
  private readonly accounts;
  private readonly pipelines;
  private readonly thread;
  private readonly target: StreamController<string | null>;
  private readonly ticket;
  private requestedTicket: string | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly store: () => HelpDeskStore | undefined,
    private readonly replyingIn: () => string | null,
  ) {
    const s = store;
    this.conversationStream = new StreamController(
      host,
      () => [s(), this.conversationId],
      () => (this.conversationId ? s()?.conversation$(this.conversationId) : undefined),
    );
    this.channels = new StreamController(
      host,
      () => [s()],
      () => s()?.channels$,
    );
    this.accounts = new StreamController(
      host,
      () => [s()],
      () => s()?.accounts$,
    );
    this.pipelines = new StreamController(
      host,
      () => [s()],
      () => s()?.pipelines$,
    );
    this.thread = new StreamController(
      host,
      () => [s(), this.conversationId],
      () => (this.conversationId ? s()?.thread$(this.conversationId) : undefined),
    );
    this.target = new StreamController(
      host,
      () => [s(), this.conversationId],
      () => (this.conversationId ? s()?.replyTarget$(this.conversationId) : undefined),
    );
    this.ticket = new StreamController(
      host,
      () => [s(), this.conversation?.ticketId],
      () => {
        const id = this.conversation?.ticketId;
        return id ? s()?.ticket$(id) : undefined;
      },
    );
  }

  /** The conversation replied in (the element's own, else the store's selected one). */
  get conversationId(): string | null {
    return this.replyingIn();
  }

  get conversation(): Conversation | null {
    return this.conversationStream.value ?? null;
  }

  draft(): Draft | null {
    const store = this.store();
    return store && this.conversationId ? selectDraft(store.state, this.conversationId) : null;
  }

  /** The medium the reply goes through: the rep's choice, else the conversation's own. */
  channel(choice: MessageChannel | undefined): MessageChannel {
    return choice ?? this.conversation?.channel ?? 'custom';
  }

  get channelName(): string {
    const id = this.conversation?.channelId;
    return this.channels.value?.find((c) => c.id === id)?.name ?? msg('This channel');
  }

  capabilitiesFor(choice: MessageChannel | undefined): ChannelCapabilities {
    const id = this.conversation?.channelId;
    const custom = this.channels.value?.find((c) => c.id === id)?.capabilities;
    return effectiveCapabilities(this.channel(choice), custom);
  }

  /** Set by the element before each render: the capabilities of the medium in use. */
  capabilities: ChannelCapabilities = effectiveCapabilities('email', undefined);

  channelOptions(): ChannelOption[] {
    const c = this.conversation;
    const options: ChannelOption[] = [];
    if (c?.channelId) {
      const account = this.accounts.value?.find((a) => a.id === c.channelAccountId);
      options.push({ channel: 'custom', label: account?.name ?? this.channelName });
    } else if (c && c.channel !== 'email' && c.channel !== 'call') {
      options.push({ channel: c.channel, label: c.channel });
    }
    options.push({ channel: 'email', label: msg('Email') }, { channel: 'call', label: msg('Call') });
    return options;
  }

  get targetId(): string | null {
    return this.target.value ?? null;
  }

  get messages(): readonly Message[] {
    return this.thread.value?.messages ?? [];
  }

  targetMessage(): Message | undefined {
    const id = this.targetId;
    return id ? this.messages.find((m) => m.id === id) : undefined;
  }

  /** The message the reply answers: the chosen one, else the newest one the backend confirmed. */
  replyToId(): string | undefined {
    if (!this.capabilities.replyToMessage) return undefined;
    if (this.targetId) return this.targetId;
    const confirmed = this.messages.filter((m) => !m.id.startsWith('local:'));
    return confirmed[confirmed.length - 1]?.id;
  }

  failedClientId(): string | undefined {
    const failed = this.messages.filter((m) => m.status === 'failed' && m.direction === 'outgoing');
    return failed[failed.length - 1]?.clientId;
  }

  ticketInfo(): { ticket: Ticket | null; pipeline: Pipeline | undefined } {
    const ticket = this.ticket.value?.ticket ?? null;
    const pipeline = ticket ? this.pipelines.value?.find((p) => p.id === ticket.pipelineId) : undefined;
    return { ticket, pipeline };
  }

  /** The stages the ticket can move to with a send (every stage but the current one). */
  stages(): PipelineStage[] {
    const { ticket, pipeline } = this.ticketInfo();
    return pipeline?.stages.filter((s) => s.id !== ticket?.stageId) ?? [];
  }

  /** Asks the store for the ticket once, when the conversation has one it has not loaded. */
  ensureLoaded(): void {
    const id = this.conversation?.ticketId;
    const view = this.ticket.value;
    if (!id || id === this.requestedTicket || !view || view.ticket || view.loading) return;
    this.requestedTicket = id;
    void this.store()?.loadTicket(id);
  }
}
