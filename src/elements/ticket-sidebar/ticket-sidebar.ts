import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { of } from 'rxjs';

import type { Conversation, Ticket } from '../../model/index.js';
import { storeContext } from '../../state/context.js';
import type { ContactView, PastConversationsView, TicketView } from '../../state/selectors.js';
import type { HelpDeskStore } from '../../state/store.js';
import { StreamController } from '../../state/stream-controller.js';
import { CollapsedStorage, parseSections, renderSection, type SectionName } from './collapsible-section.js';
import { renderContactSection } from './contact-section.js';
import { renderPastConversations } from './past-conversations.js';
import { sidebarFocus } from './sidebar-focus.js';
import { renderEmpty, renderLoading } from './states.js';
import { TicketSection } from './ticket-section.js';
import { ConversationSelectEvent, TicketOpenEvent } from './ticket-sidebar.events.js';
import { styles } from './ticket-sidebar.styles.js';

const NO_TICKET: TicketView = { ticket: null, loading: false, saving: false, error: null };
const NO_CONTACT: ContactView = { contact: null, loading: false, error: null };
const NO_PAST: PastConversationsView = { conversations: [], loading: false, error: null };

/**
 * The context a rep reads while answering: the conversation's ticket (owner, status, properties), the
 * contact, and the contact's past conversations, each in a collapsible section.
 *
 * @tag ticket-sidebar
 * @slot before - The host's own panels above the sections.
 * @slot after - The host's own panels below the sections.
 * @slot no-ticket - A way forward shown when the conversation has no ticket (for example a "Create ticket" button).
 * @csspart base - The wrapper of everything.
 * @csspart section - Every section; also `ticket`, `contact` and `past-conversations` for each one.
 * @csspart heading - A section's heading; `toggle` is its collapse button.
 * @csspart ticket-name - The ticket's name (a button that fires `ticket-open`).
 * @csspart status - The "Status" select; `required-form` is the form a conditional status asks for.
 * @csspart owner-button - The "Ticket owner" button; `owner-menu` is its menu.
 * @csspart priority - The "Priority" select; `properties` is the list of the ticket's properties.
 * @csspart message - A message saying a change was refused; `field-error` is one next to a field.
 * @csspart avatar - The contact's picture or initials; `contact-name` their name; `link` an email or phone link.
 * @csspart past-list - The list of past conversations; `past-item` one of them; `channel-icon` its channel.
 * @csspart empty - An empty state; `loading` and `error` the other states.
 * @cssprop --hd-ticket-sidebar-bg - Background of the sidebar (default: the surface token).
 * @cssprop --hd-ticket-sidebar-padding - Padding inside each section.
 * @cssprop --hd-ticket-sidebar-gap - Space between sections.
 * @fires ticket-open - The rep activated the ticket's name. `detail: { ticketId, conversationId }`.
 * @fires conversation-select - The rep chose a past conversation. Cancelable; unless cancelled the store selects it. `detail: { conversationId }`.
 *
 * @example
 * ```html
 * <help-desk-provider>
 *   <ticket-sidebar sections="contact ticket" collapsed="past-conversations"></ticket-sidebar>
 * </help-desk-provider>
 * ```
 */
@localized()
export class TicketSidebar extends LitElement {
  static override styles = styles;

  private readonly collapsedStorage = new CollapsedStorage();
  private readonly ticketSection = new TicketSection({ element: this, store: () => this.desk });
  private requested: { store?: HelpDeskStore; ticketId?: string | null; contactId?: string | null } = {};

  private readonly conversationStream = new StreamController(
    this,
    () => [this.desk, this.conversationId],
    () =>
      this.conversationId ? this.desk?.conversation$(this.conversationId) : this.desk?.selectedConversation$,
  );
  private readonly ticketStream = new StreamController(
    this,
    () => [this.desk, this.currentTicketId],
    () => (this.currentTicketId ? this.desk?.ticket$(this.currentTicketId) : of(NO_TICKET)),
  );
  private readonly contactStream = new StreamController(
    this,
    () => [this.desk, this.currentContactId],
    () => (this.currentContactId ? this.desk?.contact$(this.currentContactId) : of(NO_CONTACT)),
  );
  private readonly pastStream = new StreamController(
    this,
    () => [this.desk, this.currentContactId],
    () => (this.currentContactId ? this.desk?.pastConversations$(this.currentContactId) : of(NO_PAST)),
  );
  private readonly pipelines = new StreamController(
    this,
    () => [this.desk],
    () => this.desk?.pipelines$,
  );
  private readonly agents = new StreamController(
    this,
    () => [this.desk],
    () => this.desk?.agents$,
  );
  private readonly teams = new StreamController(
    this,
    () => [this.desk],
    () => this.desk?.teams$,
  );
  private readonly channels = new StreamController(
    this,
    () => [this.desk],
    () => this.desk?.channels$,
  );
  private readonly list = new StreamController(
    this,
    () => [this.desk],
    () => this.desk?.conversationList$,
  );

  @consume({ context: storeContext, subscribe: true }) @state() private providedStore?: HelpDeskStore;
  /** What the rep collapsed, as stored; null until they toggle a section (then `collapsed` applies). */
  @state() private userCollapsed: Set<SectionName> | null = null;

  /** The store; given directly, or by the nearest `<help-desk-provider>`. */
  @property({ attribute: false }) store?: HelpDeskStore;

  /** The conversation whose ticket and contact to show; without it (and `ticket-id`), the store's selected one. */
  @property({ attribute: 'conversation-id' }) conversationId: string | undefined;

  /** A ticket to show directly, whatever the conversation; its contact comes from the ticket. */
  @property({ attribute: 'ticket-id' }) ticketId: string | undefined;

  /** Which sections, in which order: `ticket`, `contact`, `past-conversations` (or `past`), space-separated. */
  @property() sections: string | undefined;

  /** Sections collapsed until the rep opens them (space-separated names). The rep's own choice, once made, wins. */
  @property() collapsed = '';

  /** Prefix of the `localStorage` key that remembers collapsed sections (`<storage-key>:ticket-sidebar:collapsed`). */
  @property({ attribute: 'storage-key' }) storageKey = 'helpdesk-elements';

  /** Level of the section headings, to fit the page's outline (2 to 6). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  constructor() {
    super();
    sidebarFocus(this);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('storageKey')) {
      this.userCollapsed = this.collapsedStorage.read(this.storageKey);
    }
    this.ticketSection.follow(this.currentTicketId);
    this.loadWhatIsShown();
  }

  private get desk(): HelpDeskStore | undefined {
    return this.store ?? this.providedStore;
  }

  private get conversation(): Conversation | null {
    return this.conversationStream.value ?? null;
  }

  private get currentTicketId(): string | null {
    return this.ticketId || this.conversation?.ticketId || null;
  }

  private get currentContactId(): string | null {
    if (this.ticketId) return this.ticketStream.value?.ticket?.contactId ?? null;
    return this.conversation?.contactId ?? null;
  }

  /** Asks the store for the ticket, contact and past conversations once each time they change. */
  private loadWhatIsShown(): void {
    const store = this.desk;
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
    if (!this.ticketId) return false;
    const view = this.ticketStream.value;
    return !view?.ticket && !view?.error;
  }

  private get collapsedSet(): ReadonlySet<SectionName> {
    return this.userCollapsed ?? new Set(parseSections(this.collapsed));
  }

  private toggle(name: SectionName): void {
    const next = new Set(this.collapsedSet);
    if (next.has(name)) next.delete(name);
    else next.add(name);
    this.userCollapsed = next;
    this.collapsedStorage.write(this.storageKey, next);
  }

  private handleOpen(ticket: Ticket): void {
    this.dispatchEvent(
      new TicketOpenEvent({ ticketId: ticket.id, conversationId: this.conversation?.id ?? null }),
    );
  }

  private handleChoose(conversation: Conversation): void {
    const event = new ConversationSelectEvent({ conversationId: conversation.id });
    this.dispatchEvent(event);
    if (!event.defaultPrevented) this.desk?.selectConversation(conversation.id);
  }

  private retryTicket(): void {
    const id = this.currentTicketId;
    if (id) void this.desk?.loadTicket(id);
  }

  private retryContact(): void {
    const id = this.currentContactId;
    if (id) void this.desk?.loadContact(id);
  }

  private retryPast(): void {
    const id = this.currentContactId;
    if (id) void this.desk?.loadPastConversations(id);
  }

  private get level(): number {
    const level = Math.trunc(Number(this.headingLevel));
    return Number.isFinite(level) ? Math.min(6, Math.max(1, level)) : 2;
  }

  protected override render(): TemplateResult {
    return html`<div part="base" class="base">
      <slot name="before"></slot>
      ${this.renderContent()}
      <slot name="after"></slot>
    </div>`;
  }

  private renderContent(): TemplateResult {
    const list = this.list.value;
    if (!this.conversation && !this.ticketId) {
      // A conversation id the store has not fetched yet, or none chosen: say which.
      if (!this.desk || (list?.loading && (this.conversationId || list.ids.length === 0))) {
        return renderLoading(msg('Loading…'));
      }
      return renderEmpty(
        this.conversationId ? msg('Conversation not found') : msg('No conversation selected'),
        msg('Choose a conversation to see its ticket, contact and past conversations.'),
      );
    }
    const collapsed = this.collapsedSet;
    return html`${parseSections(this.sections ?? null).map((name) =>
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

declare global {
  interface HTMLElementTagNameMap {
    'ticket-sidebar': TicketSidebar;
  }
}
