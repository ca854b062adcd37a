// A simulated upload: progress in steps over the adapter's latency, cancellable by the caller.
import type { Attachment, AttachmentKind } from '../../model/index.js';
import type { UploadOptions } from '../adapter.js';
import { HelpDeskError } from '../errors.js';
import { abortReason, type Timers } from './timers.js';

const STEPS = 4;

export function kindOf(mimeType: string): AttachmentKind {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('video/')) return 'video';
  if (mimeType.startsWith('audio/')) return 'audio';
  return 'file';
}

/**
 * Rejects with the `AbortError` DOMException when cancelled (not a HelpDeskError), so callers can
 * tell "the user cancelled" from "the upload failed".
 */
export async function upload(
  timers: Timers,
  latencyMs: number,
  id: string,
  file: File,
  options: UploadOptions = {},
): Promise<Attachment> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortReason(signal);
  if (file.size === 0) {
    throw new HelpDeskError('invalid', `"${file.name}" is empty; choose a file with content.`, {
      fieldErrors: { file: 'Empty file' },
    });
  }
  onProgress?.(0);
  for (let step = 1; step <= STEPS; step++) {
    await timers.delay(Math.max(latencyMs, 4) / STEPS, signal);
    onProgress?.(step / STEPS);
  }
  const mimeType = file.type || 'application/octet-stream';
  const attachment: Attachment = {
    id,
    kind: kindOf(mimeType),
    name: file.name,
    mimeType,
    sizeBytes: file.size,
  };
  if (typeof URL.createObjectURL === 'function') attachment.url = URL.createObjectURL(file);
  return attachment;
}
