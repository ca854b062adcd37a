import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import { LazyView } from '../../internal/lazy-view.js';
import { storeContext } from '../../state/context.js';
import type { Draft } from '../../state/drafts.js';
import { selectDraft } from '../../state/selectors.js';
import type { HelpDeskStore } from '../../state/store.js';
import { StreamController } from '../../state/stream-controller.js';
import { DraftSync } from './draft-sync.js';
import { PlainText } from './plain-text.js';
import type { ReplyComposer } from './reply-composer.js';
import { styles } from './reply-editor.styles.js';

/**
 * A reply composer: rich text on ProseMirror (loaded on demand; a plain text area until then),
 * attachments, insertables, a channel switch, and Send or Send with a ticket status.
 *
 * @tag reply-editor
 * @csspart base - The composer's frame.
 * @csspart channel-button - The "Channel" menu button.
 * @csspart reply-target - The bar quoting the message being answered.
 * @csspart toolbar - The formatting toolbar.
 * @csspart editor - The text area or rich editor surface.
 * @csspart attachments - The list of attachments.
 * @csspart send - The Send button group.
 * @csspart status-form - The form of a conditional status's required properties.
 * @cssprop --hd-reply-editor-bg - Background of the composer.
 * @cssprop --hd-reply-editor-border-color - Border of the composer.
 * @cssprop --hd-reply-editor-min-height - Smallest height of the text surface (default 6rem).
 * @cssprop --hd-reply-editor-max-height - Largest height before the text scrolls (default 20rem).
 * @fires message-send - MessageSendEvent, cancelable, before a reply is sent; detail is the draft.
 * @fires channel-change - ChannelChangeEvent, when the rep picks another medium in "Channel".
 * @fires call-request - CallRequestEvent, when the rep picks "Call".
 *
 * @example
 * ```html
 * <help-desk-provider><reply-editor conversation-id="c1" max-length="2000"></reply-editor></help-desk-provider>
 * ```
 */
@localized()
export class ReplyEditor extends LitElement {
  static override styles = styles;

  /** @internal The composer around the text area and its styles: a chunk loaded on first connect. */
  readonly view = new LazyView(this, () => import('./reply-editor-view.js'));
  /** @internal What the text area holds; the rich editor carries it over when it arrives. */
  readonly plain = new PlainText();
  /** @internal Saves the reply to the store's draft, with or without the composer. */
  readonly drafts = new DraftSync((store, id) => this.draftPatch(store, id));

  private readonly selected = new StreamController(
    this,
    () => [this.desk],
    () => this.desk?.selectedConversationId$,
  );
  /** Made when the view arrives; until then the text area alone takes the reply. */
  private composer?: ReplyComposer;
  private loadedFor: [HelpDeskStore | undefined, string | null] = [undefined, null];

  @consume({ context: storeContext, subscribe: true }) @state() private providedStore?: HelpDeskStore;

  /** The store; given directly, or by the nearest `<help-desk-provider>`. */
  @property({ attribute: false }) store?: HelpDeskStore;
  /** The conversation replied to; without it, the store's selected conversation. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;
  /** Shown in the empty editor. */
  @property() placeholder?: string;
  /** Turns the whole composer off. */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** Most characters of a reply; the channel's own limit applies when it is lower. */
  @property({ type: Number, attribute: 'max-length' }) maxLength?: number;

  /** @internal */
  get desk(): HelpDeskStore | undefined {
    return this.store ?? this.providedStore;
  }

  /** @internal The conversation the reply is for: its own, else the store's selected one. */
  get activeConversationId(): string | null {
    return this.conversationId ?? this.selected.value ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.handlePageHide);
  }

  override disconnectedCallback(): void {
    this.drafts.flush(); // before the controllers let go of the editor's content
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.handlePageHide);
    this.loadedFor = [undefined, null];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const cid = this.activeConversationId;
    if (this.loadedFor[0] !== this.desk || this.loadedFor[1] !== cid) {
      this.drafts.flush();
      this.loadedFor = [this.desk, cid];
      const draft = this.desk && cid ? selectDraft(this.desk.state, cid) : null;
      if (this.composer) this.composer.restore(draft);
      else this.plain.set({ text: draft?.text ?? '', html: draft?.richText });
    }
    // The composer starts from the draft and the text area as they are now.
    if (!this.composer && this.view.value) this.composer = this.view.value.createReplyComposer(this);
    this.composer?.willUpdate(changed);
  }

  protected override updated(): void {
    this.composer?.updated();
  }

  /** @internal Saves the reply to the draft a moment after the rep stops typing. */
  scheduleSave(): void {
    this.drafts.schedule(this.desk, this.activeConversationId);
  }

  private draftPatch(store: HelpDeskStore, conversationId: string): Partial<Draft> | null {
    if (this.composer) return this.composer.draftPatch();
    // Only the text can have changed: the draft keeps its attachments and channel.
    const text = this.plain.text;
    if (!text && !selectDraft(store.state, conversationId)) return null;
    return { text, richText: this.plain.edited ? undefined : this.plain.restored.html };
  }

  private handlePageHide = () => this.drafts.flush();

  private handleInput(event: Event): void {
    this.plain.text = (event.target as HTMLTextAreaElement).value;
    this.plain.edited = true;
    this.requestUpdate();
    this.scheduleSave();
  }

  private handleKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.send();
    }
  }

  /** Resolves once the view has arrived and rendered too. */
  protected override getUpdateComplete(): Promise<boolean> {
    // Once the view is here, as any element's (no extra turns: hosts and stories time things by it).
    if (this.view.settled) return super.getUpdateComplete();
    return this.view.ready().then(() => super.getUpdateComplete());
  }

  /** Focuses the reply box (the host element itself takes no focus). */
  override focus(options?: FocusOptions): void {
    if (this.composer) this.composer.focus(options);
    else this.shadowRoot?.querySelector('textarea')?.focus(options);
  }

  /** Sends the reply as the Send button does (nothing happens when Send is unavailable). */
  async send(): Promise<void> {
    if (!this.composer) await this.updateComplete;
    return this.composer?.send();
  }

  // The text area is outside the view's template, in a template that does not change when the view
  // arrives: the rep types in it from the first render, and the same text area keeps focus throughout.
  private renderTextArea(): TemplateResult {
    const limit = this.composer?.limit ?? (this.maxLength || Infinity);
    return html`<textarea
      class="plain"
      aria-label=${msg('Reply')}
      placeholder=${this.placeholder ?? msg('Write a reply…')}
      maxlength=${Number.isFinite(limit) && limit > 0 ? limit : 1_000_000}
      ?disabled=${this.disabled}
      .value=${this.plain.text}
      @focus=${() => this.composer?.loadEngine()}
      @input=${this.handleInput}
      @keydown=${this.handleKeydown}
      @paste=${(e: ClipboardEvent) => this.composer?.pastePlain(e)}
    ></textarea>`;
  }

  protected override render(): TemplateResult {
    const composer = this.composer;
    const files = composer?.files;
    return html`<div class="base" part="base">
      ${this.view.render(() => composer!.renderAbove())}
      <div
        class="surface ${files?.dragging ? 'dragging' : ''}"
        part="editor"
        @dragover=${files?.dragover}
        @dragleave=${files?.dragleave}
        @drop=${files?.drop}
      >
        ${composer?.rich ? nothing : this.renderTextArea()}
        <div class="mount"></div>
      </div>
      ${composer?.renderBelow()}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reply-editor': ReplyEditor;
  }
}
