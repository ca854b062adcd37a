import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';

import type { Insertable, InsertableKind, MessageChannel } from '../../model/index.js';
import { storeContext } from '../../state/context.js';
import type { HelpDeskStore } from '../../state/store.js';
import { AttachmentsController } from './attachments-controller.js';
import { renderAttachments } from './attachments-view.js';
import { renderChannelMenu } from './channel-menu.js';
import { DraftSync } from './draft-sync.js';
import { EngineController } from './engine-controller.js';
import type { RichEditor } from './engine-types.js';
import { FileDrop } from './file-drop.js';
import { InsertPicker, renderPicker } from './insert-picker.js';
import { keepFocus } from './keep-focus.js';
import { LinkController, normalizeLink } from './link-form.js';
import { focusFirstItem } from './menu.js';
import { ReplyContext } from './reply-context.js';
import { CallRequestEvent, ChannelChangeEvent } from './reply-editor.events.js';
import { styles } from './reply-editor.styles.js';
import { renderReplyTarget } from './reply-target.js';
import { SendController } from './send-controller.js';
import { renderSendControls } from './send-controls.js';
import { renderToolbar, syncToolbarTabindex, toolbarKeydown } from './toolbar.js';

type Menu = 'channel' | 'insert' | 'send' | null;
const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

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

  private readonly ctx = new ReplyContext(
    this,
    () => this.desk,
    () => this.conversationId ?? null,
  );
  private readonly attachments = new AttachmentsController(
    this,
    () => this.desk,
    () => this.scheduleSave(),
  );
  private readonly picker = new InsertPicker(this, () => this.desk);
  private readonly files = new FileDrop(
    this,
    (files) => this.addFiles(files),
    () => this.ctx.capabilities,
  );
  private readonly links = new LinkController(this, () => this.engine.load());
  private readonly drafts = new DraftSync(() => this.draftPatch());
  private readonly engine = new EngineController(this, {
    features: () => this.ctx.capabilities.richText,
    limit: () => this.limit,
    onChange: () => this.scheduleSave(),
    onSubmit: () => void this.sender.send(),
    onLinkRequest: () => void this.links.open(),
    onFiles: (files) => this.addFiles(files),
    onNotice: (text) => (this.notice = text),
  });
  private readonly sender = new SendController({
    host: this,
    desk: () => this.desk,
    ctx: this.ctx,
    engine: this.engine,
    attachments: this.attachments,
    drafts: this.drafts,
    disabled: () => this.disabled,
    limit: () => this.limit,
    channelChoice: () => this.channelChoice,
    sent: () => (this.notice = null),
  });
  private loadedFor: [HelpDeskStore | undefined, string | null] = [undefined, null];
  private idleHandle: number | undefined;
  private toolIndex = 0;

  @consume({ context: storeContext, subscribe: true }) @state() private providedStore?: HelpDeskStore;
  @state() private openMenu: Menu = null;
  @state() private notice: string | null = null;
  @state() private channelChoice: MessageChannel | undefined;

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

  private get desk(): HelpDeskStore | undefined {
    return this.store ?? this.providedStore;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.handlePageHide);
    document.addEventListener('pointerdown', this.handleOutside, true);
    // The engine comes when the rep first focuses the editor, or when the browser is idle.
    const load = () => void this.engine.load();
    this.idleHandle = window.requestIdleCallback
      ? window.requestIdleCallback(load, { timeout: 2000 })
      : window.setTimeout(load, 300);
  }

  override disconnectedCallback(): void {
    this.drafts.flush(); // before the controllers let go of the editor's content
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.handlePageHide);
    document.removeEventListener('pointerdown', this.handleOutside, true);
    if (this.idleHandle !== undefined) (window.cancelIdleCallback ?? clearTimeout)(this.idleHandle);
    this.loadedFor = [undefined, null];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.ctx.capabilities = this.ctx.capabilitiesFor(this.channelChoice);
    const cid = this.ctx.conversationId;
    if (this.loadedFor[0] !== this.desk || this.loadedFor[1] !== cid) {
      this.drafts.flush();
      this.loadedFor = [this.desk, cid];
      this.restoreDraft();
      this.ctx.capabilities = this.ctx.capabilitiesFor(this.channelChoice);
    }
    if (changed.has('disabled')) this.engine.editor?.refresh();
  }

  protected override updated(): void {
    this.ctx.ensureLoaded();
    this.toolIndex = syncToolbarTabindex(this.shadowRoot!, this.toolIndex);
  }

  private restoreDraft(): void {
    const draft = this.ctx.draft();
    this.engine.setContent({ text: draft?.text ?? '', html: draft?.richText });
    this.channelChoice = draft?.channel;
    if (draft) this.attachments.restore(draft.attachments);
    else this.attachments.clear();
    this.sender.reset();
    this.notice = null;
    this.links.reset();
    this.picker.close();
    if (this.desk && this.ctx.conversationId) void this.desk.loadMessages(this.ctx.conversationId);
  }

  private draftPatch() {
    const text = this.engine.text;
    const attachments = this.attachments.done;
    const channel = this.channelChoice;
    if (!text && attachments.length === 0 && !channel && !this.ctx.targetId) return null;
    return { text, richText: this.engine.richText, attachments, ...(channel ? { channel } : {}) };
  }

  private scheduleSave(): void {
    this.drafts.schedule(this.desk, this.ctx.conversationId);
  }

  private get limit(): number {
    const own = this.maxLength && this.maxLength > 0 ? this.maxLength : Infinity;
    return Math.min(own, this.ctx.capabilities.maxTextLength);
  }

  private handlePageHide = () => this.drafts.flush();

  private handleOutside = (event: Event) => {
    if (this.openMenu && !event.composedPath().includes(this)) this.openMenu = null;
  };

  private handleToolbarKeydown(event: KeyboardEvent) {
    const next = toolbarKeydown(event, this.shadowRoot!);
    if (next !== undefined) this.toolIndex = next;
  }

  private addFiles(files: File[]): void {
    if (this.disabled) return;
    this.attachments.add(files, this.ctx.capabilities);
  }

  private async toggleMenu(menu: Exclude<Menu, null>): Promise<void> {
    this.openMenu = this.openMenu === menu ? null : menu;
    await this.updateComplete;
    if (this.openMenu) focusFirstItem(this.renderRoot.querySelector<HTMLElement>('[role="menu"]'));
  }

  /** Opens a menu from the keyboard (ArrowDown or ArrowUp on its button) at its first or last item. */
  private async openMenuAt(menu: Exclude<Menu, null>, at: 'first' | 'last'): Promise<void> {
    this.openMenu = menu;
    await this.updateComplete;
    focusFirstItem(this.renderRoot.querySelector<HTMLElement>('[role="menu"]'), at);
  }

  private closeMenu(button: string): void {
    this.openMenu = null;
    this.renderRoot.querySelector<HTMLElement>(`#${button}`)?.focus();
  }

  private pickChannel(channel: MessageChannel): void {
    const cid = this.ctx.conversationId;
    this.closeMenu('channel-button');
    if (!cid || channel === this.ctx.channel(this.channelChoice)) return;
    this.channelChoice = channel;
    this.desk?.updateDraft(cid, { channel });
    this.dispatchEvent(new ChannelChangeEvent({ conversationId: cid, channel }));
    if (channel === 'call') this.dispatchEvent(new CallRequestEvent({ conversationId: cid }));
  }

  private async openPicker(kind: InsertableKind): Promise<void> {
    this.openMenu = null;
    this.picker.open(kind);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('.picker input')?.focus();
  }

  private closePicker(): void {
    this.picker.close();
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('#insert-button')?.focus(),
    );
  }

  private async insertItem(item: Insertable): Promise<void> {
    this.picker.close();
    const href = normalizeLink(item.url ?? '');
    const editor = await this.engine.load();
    if (editor) editor.insert(item.body, href ? { href, text: item.title } : undefined);
    else this.engine.appendPlain(item.body + (href ? ` ${href}` : ''));
    this.scheduleSave();
  }

  private async format(run: (editor: RichEditor) => void): Promise<void> {
    const editor = await this.engine.load();
    if (editor) run(editor);
  }

  private clearTarget(): void {
    const cid = this.ctx.conversationId;
    if (cid) this.desk?.setReplyTarget(cid, null);
    void this.engine.load().then((e) => e?.focus());
  }

  /** Focuses the reply box (the host element itself takes no focus). */
  override focus(options?: FocusOptions): void {
    this.engine.focus(options);
  }

  /** Sends the reply as the Send button does (nothing happens when Send is unavailable). */
  send(): Promise<void> {
    return this.sender.send();
  }

  private renderStatus(): TemplateResult {
    const over = this.engine.text.length - this.limit;
    return html`${
        this.ctx.capabilities.outgoingMessages
          ? nothing
          : html`<p class="notice">
              ${msg(str`${this.ctx.channelName} does not allow outgoing messages. Switch to Email in the Channel menu to reply.`)}
            </p>`
      }
      ${
        over > 0
          ? html`<p class="error">
              ${msg(str`The reply is ${over} characters over the ${this.limit}-character limit.`)}
            </p>`
          : nothing
      }
      ${this.attachments.uploading ? html`<p class="hint">${msg('Send is available when the uploads finish.')}</p>` : nothing}
      <div role="status" class="messages">
        ${this.notice ? html`<p class="hint">${this.notice}</p>` : nothing} ${this.sender.renderMessages()}
      </div>`;
  }

  protected override render(): TemplateResult {
    const caps = this.ctx.capabilities;
    const editor = this.engine.editor;
    const off = this.disabled || !this.ctx.conversationId;
    const text = this.engine.text;
    const counter = text.length > this.limit * 0.8;
    return html`<div class="base" part="base">
      <div class="row">
        ${renderChannelMenu({
          options: this.ctx.channelOptions(),
          current: this.ctx.channel(this.channelChoice),
          open: this.openMenu === 'channel',
          disabled: off,
          toggle: () => void this.toggleMenu('channel'),
          openAt: (at) => void this.openMenuAt('channel', at),
          close: () => this.closeMenu('channel-button'),
          pick: (c) => this.pickChannel(c),
        })}
      </div>
      ${renderReplyTarget(this.ctx, () => this.clearTarget())}
      <div class="popover-anchor" @keydown=${this.handleToolbarKeydown}>
        ${renderToolbar({
          features: caps.richText,
          canImage: caps.attachmentKinds.includes('image') && caps.maxAttachmentCount > 0,
          canFile: caps.attachmentKinds.length > 0 && caps.maxAttachmentCount > 0,
          open: this.openMenu === 'insert',
          disabled: off,
          isActive: (f) => editor?.isActive(f) ?? false,
          toggle: (f) => void this.format((e) => e.toggle(f)),
          link: () => void this.links.open(),
          image: () => this.files.choose(true),
          file: () => this.files.choose(false),
          toggleInsert: () => void this.toggleMenu('insert'),
          openInsertAt: (at) => void this.openMenuAt('insert', at),
          closeInsert: () => this.closeMenu('insert-button'),
          pickKind: (kind) => void this.openPicker(kind),
        })}
        ${renderPicker(
          this.picker,
          (item) => void this.insertItem(item),
          () => this.closePicker(),
        )}
      </div>
      ${this.links.render()}
      <div
        class="surface ${this.files.dragging ? 'dragging' : ''}"
        part="editor"
        @dragover=${this.files.dragover}
        @dragleave=${this.files.dragleave}
        @drop=${this.files.drop}
      >
        ${this.engine.render()}
      </div>
      ${this.files.renderInput()}
      ${renderAttachments(this.attachments, () => void keepFocus(this, () => this.engine.focus()))}
      ${this.renderStatus()} ${this.sender.renderForm()}
      <div class="row">
        ${counter ? html`<span class="hint">${msg(str`${text.length} of ${this.limit} characters`)}</span>` : nothing}
        <span class="spacer"></span>
        ${renderSendControls({
          canSend: this.sender.canSend,
          stages: this.ctx.conversation?.ticketId ? this.ctx.stages() : [],
          open: this.openMenu === 'send',
          send: () => void this.sender.send(),
          toggle: () => void this.toggleMenu('send'),
          openAt: (at) => void this.openMenuAt('send', at),
          close: () => this.closeMenu('more-button'),
          pickStage: (stage) => {
            this.openMenu = null;
            this.sender.pickStage(stage);
          },
          shortcut: isMac() ? 'Meta+Enter' : 'Control+Enter',
        })}
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'reply-editor': ReplyEditor;
  }
}
