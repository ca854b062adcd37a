import { BehaviorSubject, distinctUntilChanged, map, Observable, shareReplay, type Subscription } from 'rxjs';

import type {
  AccountPatch,
  ConnectAccountInput,
  ConnectionState,
  HelpDeskAdapter,
  UploadOptions,
} from '../adapters/adapter.js';
import type {
  Agent,
  Attachment,
  ChannelAccount,
  ChannelDefinition,
  Contact,
  Conversation,
  ConversationFilters,
  Insertable,
  InsertableKind,
  Message,
  Pipeline,
  Team,
  Ticket,
  TicketPatch,
  View,
} from '../model/index.js';
import * as conversationCommands from './conversation-commands.js';
import { type Draft, draftCleared, draftUpdated } from './drafts.js';
import { defaultStorage, DraftsStorage } from './drafts-storage.js';
import * as entityCommands from './entity-commands.js';
import { newClientId } from './ids.js';
import type { SendInput } from './message-commands.js';
import * as messageCommands from './message-commands.js';
import { type CommandResult, ok } from './result.js';
import * as selectors from './selectors.js';
import { applyEvent, type HelpDeskState, initialState } from './state.js';
import type { StoreContext } from './store-context.js';
import { DEFAULT_THREAD_SYNC, ThreadSync, type ThreadSyncOptions } from './thread-sync.js';
import { conversationSelected, notificationsSet, replyTargetSet } from './ui.js';

export interface HelpDeskStoreOptions {
  /** Where drafts, unsent messages and preferences persist; `null` keeps nothing. Default: `localStorage`. */
  storage?: Storage | null;
  /** Prefix of every storage key. Default `helpdesk-elements`; give each desk on a page its own. */
  storageKey?: string;
  /** Page size of conversations and messages. Default 100. */
  pageSize?: number;
  /**
   * How the store repairs threads that missed events (see thread-sync.ts): how long a skipped event
   * seq may stay missing before the thread's newest page is fetched again (default 250 ms), and the
   * waits between attempts of a repair that failed (default 100, 300, 1000, 3000 ms).
   */
  threadSync?: Partial<ThreadSyncOptions>;
}

const { shallowEqual } = selectors;

/**
 * The state of one help desk: normalized entities fed by an adapter's requests and events, read
 * through Observables that replay their latest value and emit only on change, and changed through
 * commands that never reject (they resolve to a `CommandResult` and record errors in the state).
 */
export class HelpDeskStore {
  readonly state$: Observable<HelpDeskState>;
  readonly conversationList$: Observable<selectors.ConversationListView>;
  readonly agents$: Observable<readonly Agent[]>;
  readonly teams$: Observable<readonly Team[]>;
  readonly pipelines$: Observable<readonly Pipeline[]>;
  readonly channels$: Observable<readonly ChannelDefinition[]>;
  readonly accounts$: Observable<readonly ChannelAccount[]>;
  readonly channelsStatus$: Observable<selectors.ChannelsStatusView>;
  readonly views$: Observable<readonly View[]>;
  readonly currentAgent$: Observable<Agent | null>;
  readonly selectedConversationId$: Observable<string | null>;
  readonly selectedConversation$: Observable<Conversation | null>;
  readonly connection$: Observable<ConnectionState>;
  readonly notificationsEnabled$: Observable<boolean>;

  private readonly subject: BehaviorSubject<HelpDeskState>;
  private readonly storage: DraftsStorage;
  private readonly context: StoreContext;
  private readonly sync: ThreadSync;
  private events: Subscription | undefined;
  private disposed = false;
  private subscribers = 0;

  constructor(
    private readonly adapter: HelpDeskAdapter,
    options: HelpDeskStoreOptions = {},
  ) {
    const storage = options.storage === undefined ? defaultStorage() : options.storage;
    this.storage = new DraftsStorage(storage, options.storageKey ?? 'helpdesk-elements');
    this.subject = new BehaviorSubject(initialState(this.storage.restore()));
    this.state$ = this.counted;
    const pageSize = options.pageSize ?? 100;
    const current = (): HelpDeskState => this.state;
    this.context = {
      adapter,
      pageSize,
      get state() {
        return current();
      },
      update: (change) => this.commit(change(this.state)),
      newClientId,
      now: () => new Date().toISOString(),
    };
    this.sync = new ThreadSync(this.context, { ...DEFAULT_THREAD_SYNC, ...options.threadSync });

    this.conversationList$ = this.select(selectors.selectConversationList, shallowEqual);
    this.agents$ = this.select((s) => s.people.agents);
    this.teams$ = this.select((s) => s.people.teams);
    this.pipelines$ = this.select((s) => s.tickets.pipelines);
    this.channels$ = this.select((s) => s.channels.channels);
    this.accounts$ = this.select(selectors.selectAccounts);
    this.channelsStatus$ = this.select(selectors.selectChannelsStatus, shallowEqual);
    this.views$ = this.select((s) => s.conversations.views);
    this.currentAgent$ = this.select((s) => s.people.currentAgent);
    this.selectedConversationId$ = this.select((s) => s.ui.selectedConversationId);
    this.selectedConversation$ = this.select(selectors.selectSelectedConversation);
    this.connection$ = this.select((s) => s.ui.connection);
    this.notificationsEnabled$ = this.select((s) => s.ui.notificationsEnabled);
  }

  get state(): HelpDeskState {
    return this.subject.getValue();
  }

  /**
   * How many subscriptions to the state are live right now (shared selector streams count once).
   * Zero once every element is gone: embedding tests use it to prove that unmounting leaks nothing.
   */
  get activeSubscriptions(): number {
    return this.subscribers;
  }

  /**
   * What the store's thread repairs hold (see thread-sync.ts): conversations whose event seqs are
   * tracked, timers set, repairs in flight. Zero after `dispose()`; soak tests use it to prove that.
   * @internal
   */
  get syncBacklog(): { tracked: number; timers: number; repairs: number } {
    return this.sync.backlog;
  }

  /** A derived stream that replays its latest value and emits only when `compare` says it changed. */
  select<T>(
    project: (state: HelpDeskState) => T,
    compare: (a: T, b: T) => boolean = Object.is,
  ): Observable<T> {
    return this.counted.pipe(
      map(project),
      distinctUntilChanged(compare),
      shareReplay({ bufferSize: 1, refCount: true }),
    );
  }

  /** The state, counting its subscribers (see `activeSubscriptions`). */
  private readonly counted = new Observable<HelpDeskState>((subscriber) => {
    this.subscribers += 1;
    const inner = this.subject.subscribe(subscriber);
    return () => {
      this.subscribers -= 1;
      inner.unsubscribe();
    };
  });

  conversation$(id: string): Observable<Conversation | null> {
    return this.select((s) => selectors.selectConversation(s, id));
  }

  thread$(conversationId: string): Observable<selectors.ThreadView> {
    return this.select((s) => selectors.selectThread(s, conversationId));
  }

  ticket$(id: string): Observable<selectors.TicketView> {
    return this.select((s) => selectors.selectTicket(s, id));
  }

  contact$(id: string): Observable<selectors.ContactView> {
    return this.select((s) => selectors.selectContact(s, id));
  }

  pastConversations$(contactId: string): Observable<selectors.PastConversationsView> {
    return this.select((s) => selectors.selectPastConversations(s, contactId), shallowEqual);
  }

  draft$(conversationId: string): Observable<Draft | null> {
    return this.select((s) => selectors.selectDraft(s, conversationId));
  }

  replyTarget$(conversationId: string): Observable<string | null> {
    return this.select((s) => selectors.selectReplyTarget(s, conversationId));
  }

  /** Starts applying the adapter's events; calling it again does nothing. */
  connect(): void {
    if (this.events || this.disposed) return;
    this.events = this.adapter.events$.subscribe({
      next: (event) => {
        try {
          this.commit(applyEvent(this.state, event));
          this.sync.observe(event);
        } catch {
          // A malformed event is dropped; one bad push must not stop the ones after it.
        }
      },
      error: () => {
        // The stream is over: say so, and let a later connect() subscribe again.
        this.events = undefined;
        this.commit({ ...this.state, ui: { ...this.state.ui, connection: 'offline' } });
      },
      complete: () => {
        this.events = undefined;
      },
    });
  }

  /** Connects and loads everything the desk shows first, in parallel; resolves with the first error. */
  async start(): Promise<CommandResult<void>> {
    this.connect();
    const results = await Promise.all([
      entityCommands.loadChannels(this.context),
      entityCommands.loadPeople(this.context),
      entityCommands.loadPipelines(this.context),
      conversationCommands.loadViews(this.context),
      conversationCommands.loadConversations(this.context),
    ]);
    return results.find((r) => !r.ok) ?? ok(undefined);
  }

  /** Stops listening to the adapter and completes every stream; commands after it change nothing. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.events?.unsubscribe();
    this.events = undefined;
    this.sync.dispose();
    this.subject.complete();
  }

  selectConversation(id: string | null): void {
    this.commit({ ...this.state, ui: conversationSelected(this.state.ui, id) });
  }

  setSearch(text: string): Promise<CommandResult<void>> {
    return conversationCommands.setSearch(this.context, text);
  }

  setFilters(patch: Partial<ConversationFilters>): Promise<CommandResult<void>> {
    return conversationCommands.setFilters(this.context, patch);
  }

  applyView(viewId: string | null): Promise<CommandResult<void>> {
    return conversationCommands.applyView(this.context, viewId);
  }

  loadMoreConversations(): Promise<CommandResult<void>> {
    return conversationCommands.loadMoreConversations(this.context);
  }

  loadMessages(conversationId: string): Promise<CommandResult<void>> {
    return messageCommands.loadMessages(this.context, conversationId);
  }

  loadOlderMessages(conversationId: string): Promise<CommandResult<void>> {
    return messageCommands.loadOlderMessages(this.context, conversationId);
  }

  send(conversationId: string, input: SendInput): Promise<CommandResult<Message>> {
    return messageCommands.send(this.context, conversationId, input);
  }

  retry(conversationId: string, clientId: string): Promise<CommandResult<Message>> {
    return messageCommands.retry(this.context, conversationId, clientId);
  }

  markRead(conversationId: string): Promise<CommandResult<void>> {
    return conversationCommands.markRead(this.context, conversationId);
  }

  loadTicket(id: string): Promise<CommandResult<Ticket>> {
    return entityCommands.loadTicket(this.context, id);
  }

  updateTicket(id: string, patch: TicketPatch): Promise<CommandResult<Ticket>> {
    return entityCommands.updateTicket(this.context, id, patch);
  }

  loadContact(id: string): Promise<CommandResult<Contact>> {
    return entityCommands.loadContact(this.context, id);
  }

  loadPastConversations(contactId: string): Promise<CommandResult<Conversation[]>> {
    return entityCommands.loadPastConversations(this.context, contactId);
  }

  connectAccount(input: ConnectAccountInput): Promise<CommandResult<ChannelAccount>> {
    return entityCommands.connectAccount(this.context, input);
  }

  updateAccount(id: string, patch: AccountPatch): Promise<CommandResult<ChannelAccount>> {
    return entityCommands.updateAccount(this.context, id, patch);
  }

  deleteAccount(id: string): Promise<CommandResult<void>> {
    return entityCommands.deleteAccount(this.context, id);
  }

  saveView(input: {
    name: string;
    filters: ConversationFilters;
    text?: string;
  }): Promise<CommandResult<View>> {
    return conversationCommands.saveView(this.context, input);
  }

  deleteView(id: string): Promise<CommandResult<void>> {
    return conversationCommands.deleteView(this.context, id);
  }

  searchInsertables(kind: InsertableKind, text: string): Promise<CommandResult<Insertable[]>> {
    return entityCommands.searchInsertables(this.context, kind, text);
  }

  uploadAttachment(file: File, options?: UploadOptions): Promise<CommandResult<Attachment>> {
    return entityCommands.uploadAttachment(this.context, file, options);
  }

  /** Sets (or clears, with null) the message a conversation's reply answers; kept in its draft too. */
  setReplyTarget(conversationId: string, messageId: string | null): void {
    this.updateDraft(conversationId, { replyToId: messageId ?? undefined });
  }

  /** Changes a conversation's draft and writes it to storage at once (debouncing is the editor's job). */
  updateDraft(conversationId: string, patch: Partial<Draft>): void {
    const s = this.state;
    const channel = s.conversations.byId[conversationId]?.channel ?? 'custom';
    const drafts = draftUpdated(s.drafts, conversationId, patch, channel, new Date().toISOString());
    const ui = 'replyToId' in patch ? replyTargetSet(s.ui, conversationId, patch.replyToId ?? null) : s.ui;
    this.commit({ ...s, drafts, ui });
  }

  clearDraft(conversationId: string): void {
    const s = this.state;
    this.commit({
      ...s,
      drafts: draftCleared(s.drafts, conversationId),
      ui: replyTargetSet(s.ui, conversationId, null),
    });
  }

  setNotificationsEnabled(on: boolean): void {
    this.commit({ ...this.state, ui: notificationsSet(this.state.ui, on) });
  }

  /**
   * The one place state changes. Unchanged slices keep their identity, so a commit that changed
   * nothing emits nothing. Storage is written before subscribers run: a subscriber that commits in
   * turn must not have its newer write overwritten by this older one.
   */
  private commit(next: HelpDeskState): void {
    if (this.disposed) return;
    const previous = this.state;
    const changed = (Object.keys(next) as (keyof HelpDeskState)[]).some((key) => next[key] !== previous[key]);
    if (!changed) return;
    this.storage.persist(previous, next);
    this.subject.next(next);
  }
}
