import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type ReactiveController, type TemplateResult } from 'lit';

import type { Insertable, InsertableKind, MessageChannel } from '../../model/index.js';
import type { Draft } from '../../state/drafts.js';
import { AttachmentsController } from './attachments-controller.js';
import { renderAttachments } from './attachments-view.js';
import { renderChannelMenu } from './channel-menu.js';
import { EngineController } from './engine-controller.js';
import type { RichEditor } from './engine-types.js';
import { FileDrop } from './file-drop.js';
import { InsertPicker, renderPicker } from './insert-picker.js';
import { keepFocus } from './keep-focus.js';
import { LinkController, normalizeLink } from './link-form.js';
import { OpenMenu } from './menu.js';
import { ReplyContext } from './reply-context.js';
import { CallRequestEvent, ChannelChangeEvent } from './reply-editor.events.js';
import type { ReplyEditor } from './reply-editor.js';
import { renderReplyTarget } from './reply-target.js';
import { SendController } from './send-controller.js';
import { renderSendControls } from './send-controls.js';
import { renderToolbar, syncToolbarTabindex, toolbarKeydown } from './toolbar.js';

const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/**
 * Everything of `<reply-editor>` around its text area: the store's view of the conversation, the
 * rich editor, toolbar and menus, pickers, link and status forms, attachments and sending. Made when
 * the element's view chunk arrives; it starts from the element's current properties and draft.
 */
export class ReplyComposer implements ReactiveController {
  private readonly ctx: ReplyContext;
  private readonly attachments: AttachmentsController;
  private readonly picker: InsertPicker;
  /** Files dropped on the text surface or chosen with the file buttons. */
  readonly files: FileDrop;
  private readonly links: LinkController;
  private readonly engine: EngineController;
  private readonly sender: SendController;
  private readonly menus: OpenMenu<'channel' | 'insert' | 'send'>;
  private idleHandle: number | undefined;
  private toolIndex = 0;
  private notice: string | null = null;
  private channelChoice: MessageChannel | undefined;

  constructor(private readonly host: ReplyEditor) {
    const desk = () => host.desk;
    const save = () => host.scheduleSave();
    this.ctx = new ReplyContext(host, desk, () => host.activeConversationId);
    this.attachments = new AttachmentsController(host, desk, save);
    this.picker = new InsertPicker(host, desk);
    this.files = new FileDrop(
      host,
      (files) => this.addFiles(files),
      () => this.ctx.capabilities,
    );
    this.links = new LinkController(host, () => this.engine.load());
    this.engine = new EngineController(host, {
      features: () => this.ctx.capabilities.richText,
      limit: () => this.limit,
      onChange: save,
      onSubmit: () => void this.sender.send(),
      onLinkRequest: () => void this.links.open(),
      onFiles: (files) => this.addFiles(files),
      onNotice: (text) => this.setNotice(text),
    });
    this.sender = new SendController({
      host,
      desk,
      ctx: this.ctx,
      engine: this.engine,
      attachments: this.attachments,
      drafts: host.drafts,
      disabled: () => host.disabled,
      limit: () => this.limit,
      channelChoice: () => this.channelChoice,
      sent: () => this.setNotice(null),
    });
    this.menus = new OpenMenu(host);
    this.restoreRest(this.ctx.draft());
    host.addController(this);
  }

  hostConnected(): void {
    // The engine comes when the rep first focuses the text area, or when the browser is idle; at once
    // if the rep is already in the text area.
    const load = () => void this.engine.load();
    if (this.host.shadowRoot?.activeElement?.localName === 'textarea') load();
    this.idleHandle = window.requestIdleCallback
      ? window.requestIdleCallback(load, { timeout: 2000 })
      : window.setTimeout(load, 300);
  }

  hostDisconnected(): void {
    if (this.idleHandle !== undefined) (window.cancelIdleCallback ?? clearTimeout)(this.idleHandle);
  }

  willUpdate(changed: PropertyValues<ReplyEditor>): void {
    this.ctx.capabilities = this.ctx.capabilitiesFor(this.channelChoice);
    if (changed.has('disabled')) this.engine.editor?.refresh();
  }

  updated(): void {
    this.ctx.ensureLoaded();
    this.toolIndex = syncToolbarTabindex(this.host.shadowRoot!, this.toolIndex);
  }

  /** Whether the rich editor has replaced the text area. */
  get rich(): boolean {
    return this.engine.editor !== undefined;
  }

  get limit(): number {
    const own = this.host.maxLength && this.host.maxLength > 0 ? this.host.maxLength : Infinity;
    return Math.min(own, this.ctx.capabilities.maxTextLength);
  }

  /** Another conversation's draft (or the same one's, after the element was put back on the page). */
  restore(draft: Draft | null): void {
    this.engine.setContent({ text: draft?.text ?? '', html: draft?.richText });
    this.restoreRest(draft);
  }

  /** The draft but its text, which the text area already holds. */
  private restoreRest(draft: Draft | null): void {
    this.channelChoice = draft?.channel;
    if (draft) this.attachments.restore(draft.attachments);
    else this.attachments.clear();
    this.sender.reset();
    this.notice = null;
    this.links.reset();
    this.picker.close();
    const { desk } = this.host;
    if (desk && this.ctx.conversationId) void desk.loadMessages(this.ctx.conversationId);
    this.ctx.capabilities = this.ctx.capabilitiesFor(this.channelChoice);
  }

  draftPatch(): Partial<Draft> | null {
    const text = this.engine.text;
    const attachments = this.attachments.done;
    const channel = this.channelChoice;
    if (!text && attachments.length === 0 && !channel && !this.ctx.targetId) return null;
    return { text, richText: this.engine.richText, attachments, ...(channel ? { channel } : {}) };
  }

  loadEngine(): void {
    void this.engine.load();
  }

  pastePlain(event: ClipboardEvent): void {
    this.engine.pastePlain(event);
  }

  focus(options?: FocusOptions): void {
    this.engine.focus(options);
  }

  send(): Promise<void> {
    return this.sender.send();
  }

  private setNotice(text: string | null): void {
    this.notice = text;
    this.host.requestUpdate();
  }

  private readonly handleToolbarKeydown = (event: KeyboardEvent) => {
    const next = toolbarKeydown(event, this.host.shadowRoot!);
    if (next !== undefined) this.toolIndex = next;
  };

  private addFiles(files: File[]): void {
    if (this.host.disabled) return;
    this.attachments.add(files, this.ctx.capabilities);
  }

  private pickChannel(channel: MessageChannel): void {
    const cid = this.ctx.conversationId;
    this.menus.close('channel-button');
    if (!cid || channel === this.ctx.channel(this.channelChoice)) return;
    this.channelChoice = channel;
    this.host.desk?.updateDraft(cid, { channel });
    this.host.dispatchEvent(new ChannelChangeEvent({ conversationId: cid, channel }));
    if (channel === 'call') this.host.dispatchEvent(new CallRequestEvent({ conversationId: cid }));
  }

  private async openPicker(kind: InsertableKind): Promise<void> {
    this.menus.set(null);
    this.picker.open(kind);
    await this.host.updateComplete;
    this.host.renderRoot.querySelector<HTMLInputElement>('.picker input')?.focus();
  }

  private closePicker(): void {
    this.picker.close();
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>('#insert-button')?.focus(),
    );
  }

  private async insertItem(item: Insertable): Promise<void> {
    this.picker.close();
    const href = normalizeLink(item.url ?? '');
    const editor = await this.engine.load();
    if (editor) editor.insert(item.body, href ? { href, text: item.title } : undefined);
    else this.engine.appendPlain(item.body + (href ? ` ${href}` : ''));
    this.host.scheduleSave();
  }

  private async format(run: (editor: RichEditor) => void): Promise<void> {
    const editor = await this.engine.load();
    if (editor) run(editor);
  }

  private clearTarget(): void {
    const cid = this.ctx.conversationId;
    if (cid) this.host.desk?.setReplyTarget(cid, null);
    void this.engine.load().then((e) => e?.focus());
  }

  /** What is above the text surface: the channel menu, the reply target, the toolbar and its forms. */
  renderAbove(): TemplateResult {
    const caps = this.ctx.capabilities;
    const editor = this.engine.editor;
    const off = this.host.disabled || !this.ctx.conversationId;
    return html`<div class="row">
        ${renderChannelMenu({
          options: this.ctx.channelOptions(),
          current: this.ctx.channel(this.channelChoice),
          open: this.menus.current === 'channel',
          disabled: off,
          toggle: () => void this.menus.toggle('channel'),
          openAt: (at) => void this.menus.openAt('channel', at),
          close: () => this.menus.close('channel-button'),
          pick: (c) => this.pickChannel(c),
        })}
      </div>
      ${renderReplyTarget(this.ctx, () => this.clearTarget())}
      <div class="popover-anchor" @keydown=${this.handleToolbarKeydown}>
        ${renderToolbar({
          features: caps.richText,
          canImage: caps.attachmentKinds.includes('image') && caps.maxAttachmentCount > 0,
          canFile: caps.attachmentKinds.length > 0 && caps.maxAttachmentCount > 0,
          open: this.menus.current === 'insert',
          disabled: off,
          isActive: (f) => editor?.isActive(f) ?? false,
          toggle: (f) => void this.format((e) => e.toggle(f)),
          link: () => void this.links.open(),
          image: () => this.files.choose(true),
          file: () => this.files.choose(false),
          toggleInsert: () => void this.menus.toggle('insert'),
          openInsertAt: (at) => void this.menus.openAt('insert', at),
          closeInsert: () => this.menus.close('insert-button'),
          pickKind: (kind) => void this.openPicker(kind),
        })}
        ${renderPicker(
          this.picker,
          (item) => void this.insertItem(item),
          () => this.closePicker(),
        )}
      </div>
      ${this.links.render()}`;
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

  /** What is below the text surface: attachments, messages, the status form, the counter and Send. */
  renderBelow(): TemplateResult {
    const text = this.engine.text;
    const counter = text.length > this.limit * 0.8;
    return html`${this.files.renderInput()}
      ${renderAttachments(this.attachments, () => void keepFocus(this.host, () => this.engine.focus()))}
      ${this.renderStatus()} ${this.sender.renderForm()}
      <div class="row">
        ${counter ? html`<span class="hint">${msg(str`${text.length} of ${this.limit} characters`)}</span>` : nothing}
        <span class="spacer"></span>
        ${renderSendControls({
          canSend: this.sender.canSend,
          stages: this.ctx.conversation?.ticketId ? this.ctx.stages() : [],
          open: this.menus.current === 'send',
          send: () => void this.sender.send(),
          toggle: () => void this.menus.toggle('send'),
          openAt: (at) => void this.menus.openAt('send', at),
          close: () => this.menus.close('more-button'),
          pickStage: (stage) => {
            this.menus.set(null);
            this.sender.pickStage(stage);
          },
          shortcut: isMac() ? 'Meta+Enter' : 'Control+Enter',
        })}
      </div>`;
  }
}
