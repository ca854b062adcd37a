import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { Attachment, ChannelCapabilities } from '../../model/index.js';
import type { HelpDeskStore } from '../../state/store.js';
import { checkFile, kindOfMime, renamedNotice } from './capabilities.js';

export type UploadStatus = 'uploading' | 'done' | 'failed';

/** One attachment of the reply, from the moment it is chosen until it is sent or removed. */
export interface AttachmentItem {
  key: number;
  name: string;
  sizeBytes: number;
  mimeType: string;
  status: UploadStatus;
  /** 0 to 1 while uploading. */
  progress: number;
  attachment?: Attachment;
  error?: string;
  /** An object URL of the local image, revoked when the item goes. */
  previewUrl?: string;
  file?: File;
  controller?: AbortController;
}

/**
 * The reply's attachments: checks each file against the channel's limits before upload, uploads
 * through the store with progress and cancel, keeps failed ones for retry or removal, and revokes
 * every object URL it made when its item goes or the element leaves the page.
 */
export class AttachmentsController implements ReactiveController {
  items: AttachmentItem[] = [];
  /** Refusals and renames of the last files added, each naming the limit. */
  notices: string[] = [];
  private nextKey = 1;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: () => HelpDeskStore | undefined,
    private readonly onChange: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    for (const item of this.items) {
      if (item.status === 'uploading') item.controller?.abort();
      if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
      item.previewUrl = undefined;
    }
  }

  get uploading(): boolean {
    return this.items.some((i) => i.status === 'uploading');
  }

  /** The uploaded attachments, as sent and saved in the draft. */
  get done(): Attachment[] {
    return this.items.filter((i) => i.status === 'done' && i.attachment).map((i) => i.attachment!);
  }

  add(files: readonly File[], caps: ChannelCapabilities): void {
    this.notices = [];
    for (const original of files) {
      const counted = this.items.filter((i) => i.status !== 'failed');
      const check = checkFile(original, caps, {
        count: counted.length,
        bytes: counted.reduce((sum, i) => sum + i.sizeBytes, 0),
      });
      if (check.refusal) {
        this.notices.push(check.refusal);
        continue;
      }
      const file = check.renamed ? new File([original], check.renamed, { type: original.type }) : original;
      if (check.renamed) this.notices.push(renamedNotice(check.renamed));
      const item: AttachmentItem = {
        key: this.nextKey++,
        name: file.name,
        sizeBytes: file.size,
        mimeType: file.type,
        status: 'uploading',
        progress: 0,
        file,
      };
      if (kindOfMime(file.type) === 'image') item.previewUrl = URL.createObjectURL(file);
      this.items = [...this.items, item];
      void this.upload(item);
    }
    this.host.requestUpdate();
  }

  /** Attachments restored from a saved draft (already uploaded). */
  restore(attachments: readonly Attachment[]): void {
    this.clear();
    this.items = attachments.map((attachment) => ({
      key: this.nextKey++,
      name: attachment.name,
      sizeBytes: attachment.sizeBytes,
      mimeType: attachment.mimeType,
      status: 'done' as const,
      progress: 1,
      attachment,
    }));
    this.host.requestUpdate();
  }

  cancel(key: number): void {
    this.remove(key);
  }

  retry(key: number): void {
    const item = this.items.find((i) => i.key === key);
    if (!item || item.status !== 'failed' || !item.file) return;
    this.replace(item, { status: 'uploading', progress: 0, error: undefined });
    void this.upload(this.items.find((i) => i.key === key)!);
  }

  remove(key: number): void {
    const item = this.items.find((i) => i.key === key);
    if (!item) return;
    item.controller?.abort();
    if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
    this.items = this.items.filter((i) => i !== item);
    this.host.requestUpdate();
    if (item.status === 'done') this.onChange();
  }

  /** Forgets every item (after a send, or on switching conversation); cancels uploads still running. */
  clear(): void {
    for (const item of this.items) {
      item.controller?.abort();
      if (item.previewUrl) URL.revokeObjectURL(item.previewUrl);
    }
    this.items = [];
    this.notices = [];
    this.host.requestUpdate();
  }

  private replace(item: AttachmentItem, patch: Partial<AttachmentItem>): AttachmentItem | undefined {
    const index = this.items.findIndex((i) => i.key === item.key);
    if (index < 0) return undefined;
    const next = { ...this.items[index]!, ...patch };
    this.items = this.items.map((i, n) => (n === index ? next : i));
    this.host.requestUpdate();
    return next;
  }

  private async upload(item: AttachmentItem): Promise<void> {
    const store = this.store();
    const controller = new AbortController();
    this.replace(item, { controller });
    if (!store || !item.file) return;
    const result = await store.uploadAttachment(item.file, {
      signal: controller.signal,
      onProgress: (fraction) => {
        if (!controller.signal.aborted) this.replace(item, { progress: fraction });
      },
    });
    // Cancelled (or removed, or the element left): the item is gone, whatever the result says.
    if (controller.signal.aborted) return;
    if (result.ok) {
      this.replace(item, { status: 'done', progress: 1, attachment: result.value, controller: undefined });
      this.onChange();
    } else {
      this.replace(item, { status: 'failed', error: result.error.message, controller: undefined });
    }
  }
}
