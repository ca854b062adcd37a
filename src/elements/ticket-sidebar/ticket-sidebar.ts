import { consume } from '@lit/context';
import { localized } from '@lit/localize';
import { css, LitElement, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import { lazyHostStyles, LazyView } from '../../internal/lazy-view.js';
import { storeContext } from '../../state/context.js';
import type { HelpDeskStore } from '../../state/store.js';
import type { TicketSidebarView } from './ticket-sidebar-view.js';

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
  // Only the box until the view arrives; `min-width: 0` so a sidebar in a grid or flex row never
  // widens it while it is still empty.
  static override styles = [
    ...lazyHostStyles,
    css`
      :host {
        min-width: 0;
      }
    `,
  ];

  /** @internal The sections, their controllers and streams, and the styles: a chunk loaded when a sidebar is first connected. */
  readonly view = new LazyView(this, () => import('./ticket-sidebar-view.js'));
  /** What the view module makes for this element, in the first update after it arrives. */
  private sidebar?: TicketSidebarView;

  @consume({ context: storeContext, subscribe: true }) @state() private providedStore?: HelpDeskStore;

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

  /** @internal The store the view reads: the one given, else the nearest provider's. */
  get desk(): HelpDeskStore | undefined {
    return this.store ?? this.providedStore;
  }

  protected override willUpdate(): void {
    this.sidebar ??= this.view.value?.createTicketSidebarView(this);
    this.sidebar?.willUpdate();
  }

  /** Resolves once the view has arrived and rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.view.ready();
    return super.getUpdateComplete();
  }

  protected override render(): TemplateResult {
    // The view is made in willUpdate as soon as its module is in, so it exists whenever `render` gets here.
    return this.view.render(() => this.sidebar!.render());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ticket-sidebar': TicketSidebar;
  }
}
