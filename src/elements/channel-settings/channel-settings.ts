import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';

import { lazyHostStyles, LazyView } from '../../internal/lazy-view.js';
import type { ChannelAccount } from '../../model/index.js';
import { storeContext } from '../../state/context.js';
import type { HelpDeskStore } from '../../state/store.js';
import { StreamController } from '../../state/stream-controller.js';
import { ConfirmController } from '../channel-connect-wizard/confirm-dialog.js';
import { ConnectMenuController } from './connect-menu.js';

const onUnlessFalse = {
  fromAttribute: (value: string | null) => value !== 'false',
  toAttribute: (value: boolean) => (value ? '' : 'false'),
};

const OWN_TAG = 'channel-settings';
const WIZARD_TAG = 'channel-connect-wizard';

/**
 * The connected accounts of the help desk's custom channels: turn one off and on, edit it, delete
 * it, or connect another through the connect wizard (shown as a modal).
 *
 * The wizard is rendered under the tag that matches this element's own: `<acme-channel-settings>`
 * uses `<acme-channel-connect-wizard>`, so both must be registered with the same prefix.
 *
 * @tag channel-settings
 * @csspart base - The wrapper.
 * @csspart heading - The "Channels" heading.
 * @csspart table - The table of accounts.
 * @csspart row - One account's row.
 * @csspart status-switch - An account's "Status" switch.
 * @csspart row-actions - An account's "Edit" and "Delete" buttons (shown on hover and focus).
 * @csspart logo - A channel's logo.
 * @csspart message - What went wrong (or what was done) with the last change.
 * @csspart confirm-dialog - The "Delete account" and "Turn off" confirmations.
 * @csspart wizard - The connect wizard.
 * @cssprop --hd-channel-settings-bg - Background of the element.
 * @cssprop --hd-channel-settings-row-hover-bg - Background of a row under the pointer.
 * @fires channel-connected - Bubbles from the wizard when an account is connected or saved.
 * @fires go-to-help-desk - Bubbles from the wizard's "Go to help desk"; the host shows the desk.
 * @fires channel-install - Bubbles from the wizard's "Install".
 * @fires channel-authorize - Bubbles from the wizard's "Authorize again".
 *
 * @example
 * ```html
 * <help-desk-provider>
 *   <channel-settings></channel-settings>
 * </help-desk-provider>
 * ```
 */
@localized()
export class ChannelSettings extends LitElement {
  static override styles = lazyHostStyles;

  /** @internal The rows' template and the styles: a chunk loaded when the settings are first shown. */
  readonly view = new LazyView(this, () => import('./settings-view.js'));

  private readonly channels = new StreamController(
    this,
    () => [this.desk],
    () => this.desk?.channels$,
  );
  private readonly accounts = new StreamController(
    this,
    () => [this.desk],
    () => this.desk?.accounts$,
  );
  private readonly status = new StreamController(
    this,
    () => [this.desk],
    () => this.desk?.channelsStatus$,
  );
  private readonly confirm = new ConfirmController(this);
  private readonly menu = new ConnectMenuController(this, () => this.openWizard(undefined));

  @consume({ context: storeContext, subscribe: true }) @state() private providedStore?: HelpDeskStore;
  @state() private wizardOpen = false;
  @state() private wizardAccountId: string | undefined;
  /** What happened to the last change: a refusal (rolled back) or a deletion. */
  @state() private message: { text: string; error: boolean } | null = null;

  /** The store; given directly, or by the nearest `<help-desk-provider>`. */
  @property({ attribute: false }) store?: HelpDeskStore;
  /** Passed to the wizard: `can-route="false"` when the account has no help-desk seat. */
  @property({ attribute: 'can-route', converter: onUnlessFalse }) canRoute = true;

  private get desk(): HelpDeskStore | undefined {
    return this.store ?? this.providedStore;
  }

  /** The wizard's tag, with this element's own prefix (if it was registered with one). */
  private get wizardTag(): string {
    const name = this.localName;
    const prefix = name.endsWith(OWN_TAG) ? name.slice(0, -OWN_TAG.length) : '';
    return /^([a-z][a-z0-9]*(-[a-z0-9]+)*-)?$/.test(prefix) ? `${prefix}${WIZARD_TAG}` : WIZARD_TAG;
  }

  private openWizard(accountId: string | undefined): void {
    this.wizardAccountId = accountId;
    this.wizardOpen = true;
  }

  private closeWizard(): void {
    this.wizardOpen = false;
  }

  private async toggleStatus(account: ChannelAccount): Promise<void> {
    const desk = this.desk;
    if (!desk) return;
    const turningOff = account.status === 'active';
    if (turningOff) {
      const yes = await this.confirm.ask({
        heading: msg(str`Turn off ${account.name}?`),
        body: msg(
          'A turned-off account receives nothing and cannot send. You can turn it on again at any time.',
        ),
        confirm: msg('Turn off'),
        danger: true,
      });
      if (!yes) return;
    }
    this.message = null;
    const result = await desk.updateAccount(account.id, { status: turningOff ? 'disabled' : 'active' });
    if (!result.ok) {
      this.message = {
        text: turningOff
          ? msg(str`Couldn't turn off ${account.name}: ${result.error.message}`)
          : msg(str`Couldn't turn on ${account.name}: ${result.error.message}`),
        error: true,
      };
    }
  }

  private async delete(account: ChannelAccount): Promise<void> {
    const desk = this.desk;
    if (!desk) return;
    const yes = await this.confirm.ask({
      heading: msg(str`Delete ${account.name}?`),
      body: msg(
        'The account stops receiving and sending messages. Conversations already in the help desk stay there.',
      ),
      confirm: msg('Delete account'),
      danger: true,
    });
    if (!yes) return;
    this.message = null;
    // The row leaves at once (optimistic); focus goes to the heading rather than to nowhere.
    this.renderRoot.querySelector<HTMLElement>('#settings-heading')?.focus();
    const result = await desk.deleteAccount(account.id);
    this.message = result.ok
      ? { text: msg(str`${account.name} was deleted.`), error: false }
      : { text: msg(str`Couldn't delete ${account.name}: ${result.error.message}`), error: true };
  }

  private renderTable(
    accounts: readonly ChannelAccount[],
    renderAccountRow: (typeof import('./settings-view.js'))['renderAccountRow'],
  ): TemplateResult {
    const channels = this.channels.value ?? [];
    return html`<table part="table">
      <caption class="visually-hidden">
        ${msg('Connected accounts')}
      </caption>
      <thead>
        <tr>
          <th scope="col">${msg('Channel')}</th>
          <th scope="col">${msg('Account name')}</th>
          <th scope="col">${msg('Status')}</th>
          <th scope="col">${msg('Created')}</th>
          <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
        </tr>
      </thead>
      <tbody>
        ${repeat(
          accounts,
          (a) => a.id,
          (account, index) =>
            renderAccountRow({
              account,
              channel: channels.find((c) => c.id === account.channelId),
              index,
              onToggle: (a) => void this.toggleStatus(a),
              onEdit: (a) => this.openWizard(a.id),
              onDelete: (a) => void this.delete(a),
            }),
        )}
      </tbody>
    </table>`;
  }

  private renderBody(view: typeof import('./settings-view.js')): TemplateResult {
    const accounts = this.accounts.value;
    const status = this.status.value;
    if (!accounts || (status?.loading && accounts.length === 0)) {
      return html`<p class="muted" role="status">${msg('Loading channel accounts…')}</p>`;
    }
    if (status?.error && accounts.length === 0) {
      return html`<p class="error">
          ${msg(str`Couldn't load the channel accounts: ${status.error.message}`)}
        </p>
        <button type="button" class="secondary" @click=${() => void this.desk?.start()}>
          ${msg('Try again')}
        </button>`;
    }
    if (accounts.length === 0) {
      return html`<p class="empty">
        ${msg('No channel accounts are connected yet. Choose "Connect a channel" to connect one.')}
      </p>`;
    }
    return this.renderTable(accounts, view.renderAccountRow);
  }

  private renderWizard(): TemplateResult {
    const tag = unsafeStatic(this.wizardTag);
    return staticHtml`<${tag}
      part="wizard"
      modal
      ?open=${this.wizardOpen}
      .store=${this.desk}
      account-id=${ifDefined(this.wizardAccountId)}
      can-route=${this.canRoute ? '' : 'false'}
      @done=${this.closeWizard}
      @go-to-help-desk=${this.closeWizard}
      @channel-connect-cancel=${this.closeWizard}
    ></${tag}>`;
  }

  /** Resolves once the view has arrived and rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await this.view.ready();
    return super.getUpdateComplete();
  }

  protected override render(): TemplateResult {
    return this.view.render((view) => this.renderView(view));
  }

  private renderView(view: typeof import('./settings-view.js')): TemplateResult {
    return html`<section part="base" class="base" aria-labelledby="settings-heading">
      <header class="toolbar">
        <h2 id="settings-heading" part="heading" tabindex="-1">${msg('Channels')}</h2>
        ${this.menu.render()}
      </header>
      ${
        this.message
          ? html`<p
              part="message"
              class=${this.message.error ? 'error message' : 'message'}
              role=${this.message.error ? 'alert' : 'status'}
            >
              ${this.message.text}
            </p>`
          : nothing
      }
      ${this.renderBody(view)} ${this.renderWizard()} ${this.confirm.render()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'channel-settings': ChannelSettings;
  }
}
