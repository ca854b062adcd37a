import { ContextProvider } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';

import type { HelpDeskAdapter } from '../../adapters/adapter.js';
import { setLocale } from '../../localization/localization.js';
import { storeContext } from '../../state/context.js';
import { HelpDeskStore } from '../../state/store.js';
import { StreamController } from '../../state/stream-controller.js';
import { styles } from './help-desk-provider.styles.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * Gives one help desk's store to every kit element inside it, and sets their theme and language.
 *
 * @tag help-desk-provider
 * @slot - The desk's elements, laid out as the host likes.
 * @csspart connection - The line that says the real-time connection is down, shown only then.
 * @cssprop --hd-help-desk-provider-bg - Background behind the desk (default transparent).
 * @cssprop --hd-color-bg - And every other `--hd-*` token: override any of them here or above.
 *
 * @example
 * ```html
 * <help-desk-provider theme="auto" locale="pt-BR">
 *   <conversation-list></conversation-list>
 *   <thread-view></thread-view>
 * </help-desk-provider>
 * <script type="module">
 *   document.querySelector('help-desk-provider').adapter = new MemoryAdapter();
 * </script>
 * ```
 */
@localized()
export class HelpDeskProvider extends LitElement {
  static override styles = styles;

  private readonly provider = new ContextProvider(this, { context: storeContext });
  /** The store this element made from `adapter`, which it disposes of when it leaves the page. */
  private ownStore: HelpDeskStore | undefined;
  private ownStoreAdapter: HelpDeskAdapter | undefined;
  private disconnectTimer: Promise<void> | undefined;
  private readonly connection = new StreamController(
    this,
    () => [this.activeStore],
    () => this.activeStore?.connection$,
  );

  /** The backend. The provider makes and starts a store on it, unless `store` is given. */
  @property({ attribute: false }) adapter: HelpDeskAdapter | undefined;

  /** A store made by the host (shared with elements elsewhere on the page); takes precedence over `adapter`. */
  @property({ attribute: false }) store: HelpDeskStore | undefined;

  /**
   * Prefix of the keys under which this desk keeps drafts and unsent messages in `localStorage`
   * (default `helpdesk-elements`). Two desks on one page need different keys, or one desk's draft
   * overwrites the other's. Read when the provider makes its store.
   */
  @property({ attribute: 'storage-key' }) storageKey: string | undefined;

  /** Colour theme: `light`, `dark`, or `auto` to follow the system preference. */
  @property({ reflect: true }) theme: Theme = 'light';

  /** Language of the elements: `en` or `pt-BR`. Also sets `lang` on this element. */
  @property() locale: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.disconnectTimer = undefined;
    this.provider.setValue(this.currentStore());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Moving the provider disconnects and reconnects it in one task: only a real removal disposes.
    const timer = Promise.resolve().then(() => {
      if (this.disconnectTimer === timer && !this.isConnected) this.releaseOwnStore();
    });
    this.disconnectTimer = timer;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter') || changed.has('store')) {
      if (this.ownStore && this.ownStoreAdapter !== this.adapter) this.releaseOwnStore();
      this.provider.setValue(this.currentStore());
    }
    if (changed.has('locale') && this.locale) {
      this.lang = this.locale;
      void setLocale(this.locale);
    }
  }

  /** The store the elements inside are using. */
  get activeStore(): HelpDeskStore | undefined {
    return this.store ?? this.ownStore;
  }

  private currentStore(): HelpDeskStore | undefined {
    if (this.store) return this.store;
    if (!this.ownStore && this.adapter && this.isConnected) {
      this.ownStore = new HelpDeskStore(this.adapter, { storageKey: this.storageKey });
      this.ownStoreAdapter = this.adapter;
      void this.ownStore.start();
    }
    return this.ownStore;
  }

  private releaseOwnStore(): void {
    this.ownStore?.dispose();
    this.ownStore = undefined;
    this.ownStoreAdapter = undefined;
  }

  protected override render(): TemplateResult {
    const state = this.connection.value;
    const notice =
      state === 'reconnecting'
        ? msg('Reconnecting… New messages will appear when the connection is back.')
        : state === 'offline'
          ? msg('Offline. Messages you send are kept and can be retried.')
          : undefined;
    return html`${notice ? html`<p part="connection" role="status">${notice}</p>` : nothing}<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'help-desk-provider': HelpDeskProvider;
  }
}
