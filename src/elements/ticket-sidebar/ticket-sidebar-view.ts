// What a sidebar needs only once it is on a page: its sections, their controllers (status, owner menu,
// properties), the store streams they read, the focus fallback and the styles. A chunk of its own (see
// internal/lazy-view.ts), fetched when the first sidebar is connected, while the store makes its first request.
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { of } from 'rxjs';

import type { Conversation, Ticket } from '../../model/index.js';
import type { ContactView, PastConversationsView, TicketView } from '../../state/selectors.js';
import type { HelpDeskStore } from '../../state/store.js';
import { StreamController } from '../../state/stream-controller.js';
import { ConversationSelectEvent, TicketOpenEvent } from '../events.js';
import { CollapsedStorage, parseSections, renderSection, type SectionName } from './collapsible-section.js';
import { renderContactSection } from './contact-section.js';
import { renderPastConversations } from './past-conversations.js';
import { sidebarFocus } from './sidebar-focus.js';
import { renderEmpty, renderLoading } from './states.js';
import { TicketSection } from './ticket-section.js';
import type { TicketSidebar } from './ticket-sidebar.js';

export { styles } from './ticket-sidebar.styles.js';

const NO_TICKET: TicketView = { ticket: null, loading: false, saving: false, error: null };
const NO_CONTACT: ContactView = { contact: null, loading: false, error: null };
const NO_PAST: PastConversationsView = { conversations: [], loading: false, error: null };

/** Made by the element in the first update after this module arrives; reads every property from it then. */
export function createTicketSidebarView(host: TicketSidebar): TicketSidebarView {
  return new TicketSidebarView(host);
}

export class TicketSidebarView {
  private readonly collapsedStorage = new CollapsedStorage();
  private readonly ticketSection = new TicketSection({ element: this.host, store: () => this.host.desk });
  private requested: { store?: HelpDeskStore; ticketId?: string | null; contactId?: string | null } = {};
  /** The `storage-key` whose stored choice `userCollapsed` holds. */
  private readKey: string | undefined;
  /** What the rep collapsed, as stored; null until they toggle a section (then `collapsed` applies). */
  private userCollapsed: Set<SectionName> | null = null;

  // On a connected host each stream subscribes as it is made, so each reads only `host` (assigned before
  // any field) and the streams above it: the ticket follows the conversation, the contact the ticket.
  private readonly conversationStream = new StreamController(
    this.host,
    () => [this.host.desk, this.host.conversationId],
    () =>
      this.host.conversationId
        ? this.host.desk?.conversation$(this.host.conversationId)
        : this.host.desk?.selectedConversation$,
  );
  private readonly ticketStream = new StreamController(
    this.host,
    () => [this.host.desk, this.currentTicketId],
    () => (this.currentTicketId ? this.host.desk?.ticket$(this.currentTicketId) : of(NO_TICKET)),
  );
  private readonly contactStream = new StreamController(
    this.host,
    () => [this.host.desk, this.currentContactId],
    () => (this.currentContactId ? this.host.desk?.contact$(this.currentContactId) : of(NO_CONTACT)),
  );
  private readonly pastStream = new StreamController(
    this.host,
    () => [this.host.desk, this.currentContactId],
    () => (this.currentContactId ? this.host.desk?.pastConversations$(this.currentContactId) : of(NO_PAST)),
  );
  private readonly pipelines = new StreamController(
    this.host,
    () => [this.host.desk],
    () => this.host.desk?.pipelines$,
  );
  private readonly agents = new StreamController(
    this.host,
    () => [this.host.desk],
    () => this.host.desk?.agents$,
  );
  private readonly teams = new StreamController(
    this.host,
    () => [this.host.desk],
    () => this.host.desk?.teams$,
  );
  private readonly channels = new StreamController(
    this.host,
    () => [this.host.desk],
    () => this.host.desk?.channels$,
  );
  private readonly list = new StreamController(
    this.host,
    () => [this.host.desk],
    () => this.host.desk?.conversationList$,
  );

  constructor(private readonly host: TicketSidebar) {
    sidebarFocus(host);
  }

  /** Runs in the host's `willUpdate`, before the streams follow the properties and the render reads them. */
  willUpdate(): void {
    if (this.readKey !== this.host.storageKey) {
      this.readKey = this.host.storageKey;
      this.userCollapsed = this.collapsedStorage.read(this.host.storageKey);
    }
    this.ticketSection.follow(this.currentTicketId);
    this.loadWhatIsShown();
  }

  private get conversation(): Conversation | null {
    return this.conversationStream.value ?? null;
  }

  private get currentTicketId(): string | null {
    return this.host.ticketId || this.conversation?.ticketId || null;
  }

  private get currentContactId(): string | null {
    if (this.host.ticketId) return this.ticketStream.value?.ticket?.contactId ?? null;
    return this.conversation?.contactId ?? null;
  }

  /** Asks the store for the ticket, contact and past conversations once each time they change. */
  private loadWhatIsShown(): void {
    const store = this.host.desk;
    if (!store) return;
    const ticketId = this.currentTicketId;
    const contactId = this.currentContactId;
    const last = this.requested.store === store ? this.requested : {};
    this.requested = { store, ticketId, contactId };
    if (ticketId && ticketId !== last.ticketId) void store.loadTicket(ticketId);
    if (contactId && contactId !== last.contactId) {
      void store.loadContact(contactId);
      void store.loadPastConversations(contactId);
    }
  }

  /** With `ticket-id`, the contact is known only once the ticket is: until then it is loading, not unknown. */
  private get contactPending(): boolean {
    if (!this.host.ticketId) return false;
    const view = this.ticketStream.value;
    return !view?.ticket && !view?.error;
  }

  private get collapsedSet(): ReadonlySet<SectionName> {
    return this.userCollapsed ?? new Set(parseSections(this.host.collapsed));
  }

  private toggle(name: SectionName): void {
    const next = new Set(this.collapsedSet);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    this.userCollapsed = next;
    this.collapsedStorage.write(this.host.storageKey, next);
    this.host.requestUpdate();
  }

  private handleOpen(ticket: Ticket): void {
    this.host.dispatchEvent(
      new TicketOpenEvent({ ticketId: ticket.id, conversationId: this.conversation?.id ?? null }),
    );
  }

  private handleChoose(conversation: Conversation): void {
    const event = new ConversationSelectEvent({ conversationId: conversation.id });
    this.host.dispatchEvent(event);
    if (!event.defaultPrevented) this.host.desk?.selectConversation(conversation.id);
  }

  private retryTicket(): void {
    const id = this.currentTicketId;
    if (id) void this.host.desk?.loadTicket(id);
  }

  private retryContact(): void {
    const id = this.currentContactId;
    if (id) void this.host.desk?.loadContact(id);
  }

  private retryPast(): void {
    const id = this.currentContactId;
    if (id) void this.host.desk?.loadPastConversations(id);
  }

  private get level(): number {
    const level = Math.trunc(Number(this.host.headingLevel));
    return Number.isFinite(level) ? Math.min(6, Math.max(1, level)) : 2;
  }

  render(): TemplateResult {
    return html`<div part="base" class="base">
      <slot name="before"></slot>
      ${this.renderContent()}
      <slot name="after"></slot>
    </div>`;
  }

  private renderContent(): TemplateResult {
    const list = this.list.value;
    const { conversationId, ticketId } = this.host;
    if (!this.conversation && !ticketId) {
      // A conversation id the store has not fetched yet, or none chosen: say which.
      if (!this.host.desk || (list?.loading && (conversationId || list.ids.length === 0))) {
        return renderLoading(msg('Loading…'));
      }
      return renderEmpty(
        conversationId ? msg('Conversation not found') : msg('No conversation selected'),
        msg('Choose a conversation to see its ticket, contact and past conversations.'),
      );
    }
    const collapsed = this.collapsedSet;
    return html`${parseSections(this.host.sections ?? null).map((name) =>
      renderSection({
        name,
        title: this.sectionTitle(name),
        level: this.level,
        collapsed: collapsed.has(name),
        busy: this.busy(name),
        onToggle: () => this.toggle(name),
        body: () => this.renderBody(name),
      }),
    )}`;
  }

  private sectionTitle(name: SectionName): string {
    return name === 'ticket'
      ? msg('Ticket')
      : name === 'contact'
        ? msg('Contact')
        : msg('Past conversations');
  }

  private busy(name: SectionName): boolean {
    if (name === 'ticket') return this.ticketStream.value?.loading ?? false;
    if (name === 'contact') return this.contactStream.value?.loading ?? false;
    return this.pastStream.value?.loading ?? false;
  }

  private renderBody(name: SectionName): TemplateResult {
    if (name === 'ticket') {
      return this.ticketSection.render({
        ticketId: this.currentTicketId,
        view: this.ticketStream.value ?? NO_TICKET,
        pipelines: this.pipelines.value ?? [],
        agents: this.agents.value ?? [],
        teams: this.teams.value ?? [],
        conversation: this.conversation,
        level: Math.min(6, this.level + 1),
        onOpen: (ticket) => this.handleOpen(ticket),
        onRetry: () => this.retryTicket(),
      });
    }
    if (name === 'contact') {
      return renderContactSection({
        contactId: this.currentContactId,
        fallbackName: this.conversation?.contactName ?? '',
        pending: this.contactPending,
        view: this.contactStream.value ?? NO_CONTACT,
        agents: this.agents.value ?? [],
        onRetry: () => this.retryContact(),
      });
    }
    return renderPastConversations({
      contactId: this.currentContactId,
      currentId: this.conversation?.id ?? null,
      pending: this.contactPending,
      view: this.pastStream.value ?? NO_PAST,
      channels: this.channels.value ?? [],
      onChoose: (c) => this.handleChoose(c),
      onRetry: () => this.retryPast(),
    });
  }
}
