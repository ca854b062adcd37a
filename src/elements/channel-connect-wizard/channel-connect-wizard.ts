import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import { lazyHostStyles, LazyView } from '../../internal/lazy-view.js';
import type { ChannelAccount, ChannelDefinition } from '../../model/index.js';
import { storeContext } from '../../state/context.js';
import type { HelpDeskStore } from '../../state/store.js';
import { StreamController } from '../../state/stream-controller.js';
import {
  ChannelAuthorizeEvent,
  ChannelConnectCancelEvent,
  ChannelInstallEvent,
  type WizardAction,
  WizardActionEvent,
} from './channel-connect-wizard.events.js';
import { ConfirmController } from './confirm-dialog.js';
import { ConnectionPopupController } from './connection-popup.js';
import { CredentialsState } from './credentials-state.js';
import { draftFromRules, type RoutingDraft, validateRouting } from './routing-model.js';
import { type StepItem, type WizardStep } from './step-indicator.js';

/** `can-route` is on unless the attribute says `false`: an account without a seat sets `can-route="false"`. */
const onUnlessFalse = {
  fromAttribute: (value: string | null) => value !== 'false',
  toAttribute: (value: boolean) => (value ? '' : 'false'),
};

/**
 * Connects a custom channel's account step by step: choose the channel, give its credentials (a
 * form generated from the channel, or the channel's own page in a pop-up), set routing, done.
 * With `account-id` it edits that account instead.
 *
 * @tag channel-connect-wizard
 * @csspart base - The wizard's box (inside the dialog when `modal`).
 * @csspart dialog - The `<dialog>` of the modal wizard.
 * @csspart steps - The step indicator.
 * @csspart heading - The current step's heading, focused on each step.
 * @csspart channel-card - One channel to choose.
 * @csspart logo - A channel's logo.
 * @csspart field - One credential field with its label, help and error.
 * @csspart connection-popup - The pop-up controls of a channel with its own connection page.
 * @csspart routing - The routing form.
 * @csspart people-picker - The "Specific users and teams" chooser.
 * @csspart contact-owner-note - The explanation shown for "Contact owner".
 * @csspart actions - The buttons under each step.
 * @csspart confirm-dialog - The "Discard what you typed?" dialog.
 * @cssprop --hd-channel-connect-wizard-width - Largest width of the wizard (default 44rem).
 * @cssprop --hd-channel-connect-wizard-bg - Background of the wizard.
 * @fires channel-install - "Install" on a channel that is not installed; `detail.channel`.
 * @fires channel-authorize - "Authorize again" on a channel whose app must be authorized again; `detail.channel`.
 * @fires channel-connected - An account was connected or saved; `detail.account`, `detail.edited`.
 * @fires connect-another - "Connect another account"; the wizard restarts at the credentials of the same channel.
 * @fires connect-channel - "Connect a channel"; the wizard restarts at choosing a channel.
 * @fires go-to-help-desk - "Go to help desk"; the host shows the desk.
 * @fires done - "Done"; a modal wizard closes.
 * @fires channel-connect-cancel - The admin cancelled (after agreeing to discard what was typed).
 *
 * @example
 * ```html
 * <help-desk-provider>
 *   <channel-connect-wizard modal open></channel-connect-wizard>
 * </help-desk-provider>
 * ```
 */
@localized()
export class ChannelConnectWizard extends LitElement {
  static override styles = lazyHostStyles;

  /** @internal The steps' templates, styles and submit: a chunk loaded when a wizard is first shown. */
  readonly view = new LazyView(this, () => import('./wizard-view.js'));

  readonly channels = new StreamController(
    this,
    () => [this.desk],
    () => this.desk?.channels$,
  );
  readonly accounts = new StreamController(
    this,
    () => [this.desk],
    () => this.desk?.accounts$,
  );
  readonly status = new StreamController(
    this,
    () => [this.desk],
    () => this.desk?.channelsStatus$,
  );
  readonly agents = new StreamController(
    this,
    () => [this.desk],
    () => this.desk?.agents$,
  );
  readonly teams = new StreamController(
    this,
    () => [this.desk],
    () => this.desk?.teams$,
  );
  readonly pipelines = new StreamController(
    this,
    () => [this.desk],
    () => this.desk?.pipelines$,
  );
  /** @internal */
  readonly form = new CredentialsState(this);
  /** @internal The pop-up flow; its `open` can be replaced (tests give a stand-in window). */
  readonly popup = new ConnectionPopupController(this);
  /** @internal */
  readonly confirm = new ConfirmController(this);
  private focusHeading = false;
  private loadedAccount: string | null = null;

  @consume({ context: storeContext, subscribe: true }) @state() private providedStore?: HelpDeskStore;
  /** @internal */
  @state() step: WizardStep = 'choose';
  /** @internal */
  @state() selectedId: string | null = null;
  /** @internal */
  @state() routing: RoutingDraft = draftFromRules();
  /** @internal */
  @state() routingChecked = false;
  /** @internal */
  @state() routingDirty = false;
  /** @internal */
  @state() busy = false;
  /** @internal The message of the current step (the adapter's refusal, a timeout). */
  @state() stepError = '';
  /** @internal */
  @state() connected: ChannelAccount | null = null;

  /** The store; given directly, or by the nearest `<help-desk-provider>`. */
  @property({ attribute: false }) store?: HelpDeskStore;
  /** Shows the wizard in a modal `<dialog>`, open while `open` is set. */
  @property({ type: Boolean, reflect: true }) modal = false;
  /** Whether the modal wizard is shown (ignored when inline). */
  @property({ type: Boolean, reflect: true }) open = false;
  /** Edits this connected account instead of connecting a new one. */
  @property({ attribute: 'account-id' }) accountId?: string;
  /** Starts at the credentials of this channel, skipping the choice. */
  @property({ attribute: 'channel-id' }) channelId?: string;
  /** Whether the account has a help-desk seat and may set routing; `can-route="false"` skips routing. */
  @property({ attribute: 'can-route', converter: onUnlessFalse, reflect: true }) canRoute = true;

  get desk(): HelpDeskStore | undefined {
    return this.store ?? this.providedStore;
  }

  /** @internal */
  get editing(): boolean {
    return Boolean(this.accountId);
  }

  /** @internal The account being edited. */
  get account(): ChannelAccount | undefined {
    return this.accountId ? this.accounts.value?.find((a) => a.id === this.accountId) : undefined;
  }

  /** @internal */
  get channel(): ChannelDefinition | undefined {
    const id = this.account?.channelId ?? this.selectedId;
    return this.channels.value?.find((c) => c.id === id);
  }

  /** @internal */
  get steps(): StepItem[] {
    return this.editing
      ? [
          { step: 'credentials', label: msg('Account') },
          { step: 'routing', label: this.canRoute ? msg('Routing') : msg('Routing: needs a help desk seat') },
          { step: 'connected', label: msg('Saved') },
        ]
      : [
          { step: 'choose', label: msg('Choose channel') },
          { step: 'credentials', label: msg('Credentials') },
          { step: 'routing', label: this.canRoute ? msg('Routing') : msg('Routing: needs a help desk seat') },
          { step: 'connected', label: msg('Connected') },
        ];
  }

  /** @internal Whether leaving now would throw away something typed. */
  get dirty(): boolean {
    return this.step !== 'connected' && (this.form.dirty || this.routingDirty);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('accountId') || changed.has('channelId')) this.restart();
    const account = this.account;
    if (this.editing && account && this.loadedAccount !== account.id) {
      // The account arrives from the store after the first render: fill the form once, then leave it be.
      this.loadedAccount = account.id;
      this.form.reset(account);
      this.routing = draftFromRules(account.routing);
    }
    if (changed.has('open') && this.open && changed.get('open') === false) this.focusHeading = true;
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.wizard');
    if (dialog) {
      // Shown once the view is in (or failed to come), so the dialog opens with its content and focus
      // lands in it as usual.
      if (this.open && !dialog.open && this.view.settled) dialog.showModal();
      else if (!this.open && dialog.open) dialog.close();
    }
    // (Until the view arrives there is no heading yet: the focus waits for it.)
    if (this.focusHeading && this.view.value) {
      this.focusHeading = false;
      this.renderRoot.querySelector<HTMLElement>('#step-heading')?.focus();
    }
  }

  /** @internal Moves to a step and puts focus on its heading. */
  goTo(step: WizardStep): void {
    this.step = step;
    this.focusHeading = true;
  }

  /** @internal Back to the first step (the credentials of `channel-id` or of the edited account). */
  restart(step?: WizardStep): void {
    this.selectedId = step === 'credentials' ? this.selectedId : (this.channelId ?? null);
    this.loadedAccount = null;
    this.form.reset(this.account);
    if (this.account) this.loadedAccount = this.account.id;
    this.popup.reset();
    this.routing = draftFromRules(this.account?.routing);
    this.routingChecked = false;
    this.routingDirty = false;
    this.stepError = '';
    this.connected = null;
    this.busy = false;
    this.step = step ?? (this.editing || this.channelId ? 'credentials' : 'choose');
  }

  /** @internal */
  routingErrors(): Record<string, string> {
    return validateRouting(this.routing);
  }

  /** @internal */
  select(channel: ChannelDefinition): void {
    if (!this.view.value?.usable(channel)) return;
    if (channel.id !== this.selectedId) {
      this.form.reset();
      this.popup.reset();
    }
    this.selectedId = channel.id;
  }

  /** @internal */
  install(channel: ChannelDefinition): void {
    this.dispatchEvent(new ChannelInstallEvent(channel));
  }

  /** @internal */
  authorize(channel: ChannelDefinition): void {
    this.dispatchEvent(new ChannelAuthorizeEvent(channel));
  }

  /** @internal "Next" on the credentials or routing step (or "Save"); waits for a call under way. */
  async next(): Promise<void> {
    await this.view.ready();
    await this.view.value?.submitWizard(this);
  }

  /** @internal */
  back(): void {
    this.stepError = '';
    this.goTo(this.step === 'routing' ? 'credentials' : 'choose');
  }

  /** @internal One of the connected step's actions. */
  act(action: WizardAction): void {
    this.dispatchEvent(new WizardActionEvent(action, this.connected));
    if (action === 'connect-another') {
      this.restart('credentials');
      this.focusHeading = true;
    } else if (action === 'connect-channel') {
      this.selectedId = null;
      this.restart('choose');
      this.focusHeading = true;
    } else {
      this.open = false;
      this.restart();
    }
  }

  /** @internal "Cancel" or Escape: asks first when something was typed. */
  async cancel(): Promise<void> {
    if (this.confirm.open) return;
    if (this.dirty) {
      const discard = await this.confirm.ask({
        heading: msg('Discard what you typed?'),
        body: this.editing
          ? msg('Your changes to this account are not saved.')
          : msg('The channel is not connected, and what you typed is lost.'),
        confirm: msg('Discard'),
        cancel: msg('Keep editing'),
        danger: true,
      });
      if (!discard) return;
    }
    this.restart();
    this.open = false;
    this.dispatchEvent(new ChannelConnectCancelEvent());
  }

  private handleKeydown(event: KeyboardEvent): void {
    // A modal's Escape arrives as the dialog's `cancel`; inline, the key itself asks.
    if (event.key === 'Escape' && !this.modal && !this.confirm.open && !event.defaultPrevented) {
      event.preventDefault();
      void this.cancel();
    }
  }

  private handleDialogCancel(event: Event): void {
    if (event.target !== event.currentTarget) return;
    event.preventDefault();
    void this.cancel();
  }

  protected override render(): TemplateResult {
    const body = html`<div part="base" class="base" @keydown=${this.handleKeydown}>
      ${this.view.render((view) => view.renderWizardStep(this))}
    </div>`;
    return html`${
      this.modal
        ? html`<dialog
            class="wizard"
            part="dialog"
            aria-labelledby="step-heading"
            @cancel=${this.handleDialogCancel}
          >
            ${this.open ? body : nothing}
          </dialog>`
        : body
    }
    ${this.confirm.render()}`;
  }

  /** Resolves once the view has arrived and rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.view.ready();
    return super.getUpdateComplete();
  }

  /** @internal The heading of the current step. */
  heading(): string {
    const channel = this.channel;
    switch (this.step) {
      case 'choose':
        return msg('Choose a channel');
      case 'credentials':
        if (this.editing) return msg(str`Edit ${this.account?.name ?? ''}`);
        return channel ? msg(str`Connect ${channel.name}`) : msg('Connect a channel');
      case 'routing':
        return msg('Route tickets from this channel');
      case 'connected':
        return this.editing
          ? msg(str`${this.connected?.name ?? ''} is saved`)
          : msg(str`${this.connected?.name ?? ''} is connected`);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'channel-connect-wizard': ChannelConnectWizard;
  }
}
