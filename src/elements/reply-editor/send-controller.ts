import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';

import type { MessageChannel, PipelineStage } from '../../model/index.js';
import type { HelpDeskStore } from '../../state/store.js';
import type { AttachmentsController } from './attachments-controller.js';
import type { DraftSync } from './draft-sync.js';
import type { EngineController } from './engine-controller.js';
import { keepFocus } from './keep-focus.js';
import type { ReplyContext } from './reply-context.js';
import { MessageSendEvent, type ReplyDraftDetail } from './reply-editor.events.js';
import { readStatusForm, renderStatusForm, startStatusForm, type StatusFormState } from './status-form.js';

export interface SendDeps {
  host: ReactiveControllerHost & HTMLElement;
  desk: () => HelpDeskStore | undefined;
  ctx: ReplyContext;
  engine: EngineController;
  attachments: AttachmentsController;
  drafts: DraftSync;
  disabled: () => boolean;
  limit: () => number;
  channelChoice: () => MessageChannel | undefined;
  /** The editor was emptied by a send. */
  sent: () => void;
}

/**
 * Send and Send with a status: the cancelable `message-send` event, the optimistic send through
 * the store with the ticket update alongside, the form of a conditional status's properties, and
 * what the rep sees when the send or the ticket update fails.
 */
export class SendController {
  statusForm: StatusFormState | null = null;
  sendError: string | null = null;
  ticketError: string | null = null;

  constructor(private readonly d: SendDeps) {}

  reset(): void {
    this.statusForm = null;
    this.sendError = null;
    this.ticketError = null;
    this.d.host.requestUpdate();
  }

  get canSend(): boolean {
    const { ctx, engine, attachments } = this.d;
    const text = engine.text;
    return (
      !this.d.disabled() &&
      !!this.d.desk() &&
      !!ctx.conversationId &&
      ctx.capabilities.outgoingMessages &&
      !attachments.uploading &&
      text.length <= this.d.limit() &&
      (text.trim() !== '' || attachments.done.length > 0)
    );
  }

  /** Sends the reply (and moves the ticket to `stageId`, if given), optimistically through the store. */
  async send(stageId?: string, properties?: ReplyDraftDetail['properties']): Promise<void> {
    const { ctx, engine, attachments, host } = this.d;
    const desk = this.d.desk();
    const cid = ctx.conversationId;
    if (!desk || !cid || !this.canSend) return;
    const richText = engine.richText;
    const replyToId = ctx.replyToId();
    const detail: ReplyDraftDetail = {
      conversationId: cid,
      text: engine.text,
      attachments: attachments.done,
      channel: ctx.channel(this.d.channelChoice()),
      ...(richText ? { richText } : {}),
      ...(replyToId ? { replyToId } : {}),
      ...(stageId ? { stageId } : {}),
      ...(properties ? { properties } : {}),
    };
    if (!host.dispatchEvent(new MessageSendEvent(detail))) return;
    this.d.drafts.cancel();
    const { text, channel } = detail;
    const sending = desk.send(cid, { text, richText, attachments: detail.attachments, replyToId, channel });
    const ticketId = ctx.conversation?.ticketId;
    const moving =
      stageId && ticketId
        ? desk.updateTicket(ticketId, { stageId, ...(properties ? { properties } : {}) })
        : undefined;
    // The store cleared the draft and shows the message as sending; the editor empties at once.
    engine.setContent({ text: '' });
    attachments.clear();
    this.reset();
    this.d.sent();
    // The control that sent (Send, now disabled; a menu item or the status form, now gone) loses
    // focus in this render: the rep goes on in the emptied reply box.
    void keepFocus(this.d.host, () => engine.focus());
    const [sent, moved] = await Promise.all([sending, moving]);
    if (!sent.ok) this.sendError = msg(str`Your reply was not sent: ${sent.error.message}`);
    if (moved && !moved.ok) {
      this.ticketError = msg(str`The reply was sent, but the status was not changed: ${moved.error.message}`);
    }
    host.requestUpdate();
  }

  private focusMoreButton(): void {
    this.d.host.shadowRoot?.querySelector<HTMLElement>('#more-button')?.focus();
  }

  pickStage(stage: PipelineStage): void {
    const { pipeline, ticket } = this.d.ctx.ticketInfo();
    if (stage.requiredProperties.length > 0 && pipeline && ticket) {
      this.statusForm = startStatusForm(stage, pipeline.properties, ticket.properties);
      this.focusAfterUpdate('.status-form :is(input, select, textarea)');
    } else {
      // Sending focuses the reply box (the later call wins); a send the host cancelled leaves the rep
      // on "More send options".
      void keepFocus(this.d.host, () => this.focusMoreButton());
      void this.send(stage.id);
    }
  }

  private submitStatus(form: HTMLFormElement): void {
    if (!this.statusForm) return;
    const next = readStatusForm(this.statusForm, form);
    this.statusForm = next;
    if (Object.keys(next.errors).length > 0) {
      this.focusAfterUpdate('.status-form [aria-invalid="true"]');
      return;
    }
    void this.send(next.stage.id, next.values);
  }

  private focusAfterUpdate(selector: string): void {
    const host = this.d.host;
    host.requestUpdate();
    void host.updateComplete.then(() => host.shadowRoot?.querySelector<HTMLElement>(selector)?.focus());
  }

  private retryFailed(): void {
    const cid = this.d.ctx.conversationId;
    const clientId = this.d.ctx.failedClientId();
    this.sendError = null;
    this.d.host.requestUpdate();
    // The Retry button goes away with the error: the rep stays in the reply box.
    void keepFocus(this.d.host, () => this.d.engine.focus());
    if (!cid || !clientId) return;
    void this.d
      .desk()
      ?.retry(cid, clientId)
      .then((r) => {
        if (!r.ok) this.sendError = msg(str`Your reply was not sent: ${r.error.message}`);
        this.d.host.requestUpdate();
      });
  }

  renderMessages(): TemplateResult {
    return html`${
      this.sendError
        ? html`<p class="error">${this.sendError}</p>
            <button @click=${() => this.retryFailed()}>${msg('Retry')}</button>`
        : nothing
    }
    ${this.ticketError ? html`<p class="error">${this.ticketError}</p>` : nothing}`;
  }

  renderForm(): TemplateResult | typeof nothing {
    return renderStatusForm(
      this.statusForm,
      (form) => this.submitStatus(form),
      () => {
        this.statusForm = null;
        this.d.host.requestUpdate();
        // Cancelled: back to "More send options", where the rep chose the status.
        void keepFocus(this.d.host, () => this.focusMoreButton());
      },
    );
  }
}
