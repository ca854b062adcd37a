// Uploads with progress and cancellation. fetch can't report upload progress, so browsers use
// XMLHttpRequest; where there is none (Node), fetch sends the file and progress jumps 0 → 1.
import type { Attachment } from '../../model/index.js';
import type { UploadOptions } from '../adapter.js';
import { HelpDeskError } from '../errors.js';
import { abortError } from './backoff.js';
import { errorFromResponse, type HttpClient } from './request.js';

export async function uploadFile(
  client: HttpClient,
  file: File,
  options: UploadOptions = {},
): Promise<Attachment> {
  const { signal, onProgress } = options;
  if (signal?.aborted) throw abortError(signal);
  const headers = await client.headers();
  // Cancelled while the headers were being made (a token refresh may take a while).
  if (signal?.aborted) throw abortError(signal);
  headers['Accept'] = 'application/json';
  headers['Content-Type'] = file.type || 'application/octet-stream';
  const url = client.url('/uploads', { name: file.name });
  onProgress?.(0);
  const response =
    typeof XMLHttpRequest === 'function'
      ? await withXhr(url, headers, file, options)
      : await withFetch(client, url, headers, file, signal);
  if (!response.ok) throw await errorFromResponse(response);
  onProgress?.(1);
  try {
    return (await response.json()) as Attachment;
  } catch (error) {
    throw new HelpDeskError('unavailable', 'The server sent a response that is not JSON.', { cause: error });
  }
}

async function withFetch(
  client: HttpClient,
  url: string,
  headers: Record<string, string>,
  file: File,
  signal?: AbortSignal,
): Promise<Response> {
  try {
    return await client.fetch(url, { method: 'POST', headers, body: file, signal });
  } catch (error) {
    if (signal?.aborted) throw abortError(signal);
    throw new HelpDeskError('unavailable', "Can't reach the server to upload the file.", { cause: error });
  }
}

/** The XHR's outcome as a Response, so both paths read errors the same way. */
function withXhr(
  url: string,
  headers: Record<string, string>,
  file: File,
  { signal, onProgress }: UploadOptions,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      // Never report 1 before the server has answered: the file is only stored then.
      if (event.lengthComputable && event.total > 0) onProgress?.(Math.min(0.99, event.loaded / event.total));
    };
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => signal?.removeEventListener('abort', onAbort);
    xhr.onload = () => {
      settle();
      const responseHeaders = new Headers();
      const retryAfter = xhr.getResponseHeader('Retry-After');
      if (retryAfter) responseHeaders.set('Retry-After', retryAfter);
      // A Response can't carry status 0; the browser turns a network failure into onerror anyway.
      resolve(
        new Response(xhr.status === 204 ? null : xhr.responseText, {
          status: xhr.status || 500,
          headers: responseHeaders,
        }),
      );
    };
    xhr.onerror = () => {
      settle();
      reject(new HelpDeskError('unavailable', "Can't reach the server to upload the file."));
    };
    xhr.onabort = () => {
      settle();
      reject(
        signal?.aborted ? abortError(signal) : new DOMException('The upload was cancelled.', 'AbortError'),
      );
    };
    xhr.send(file);
  });
}
