// The real-time stream: SSE read from fetch (so auth headers work), reconnected with jittered
// exponential back-off, resumed with Last-Event-ID so no event is lost, and de-duplicated by
// event id so none arrives twice. Connection changes are events of their own.
import { Observable, share } from 'rxjs';

import type { ConnectionState, HelpDeskEvent } from '../adapter.js';
import { HelpDeskError } from '../errors.js';
import { backoffDelay, type BackoffOptions, sleep } from './backoff.js';
import { errorFromResponse, type HttpClient } from './request.js';
import { SseParser } from './sse-parser.js';

export interface ReconnectOptions extends BackoffOptions {
  /** After this many failed tries in a row the connection reads `offline` (it keeps trying). */
  offlineAfter: number;
  /** With no byte (not even a keep-alive) for this long, the connection counts as dead. */
  idleTimeoutMs: number;
}

const ENTITY_EVENTS = new Set([
  'message.created',
  'message.updated',
  'conversation.updated',
  'ticket.updated',
  'account.updated',
  'typing',
]);

/** Where a stream stands; kept by the adapter so a later subscription resumes too. */
export interface StreamCursor {
  lastEventId: number | null;
}

export function createEventStream(
  client: HttpClient,
  cursor: StreamCursor,
  options: ReconnectOptions,
  random: () => number,
): Observable<HelpDeskEvent> {
  return new Observable<HelpDeskEvent>((subscriber) => {
    const stop = new AbortController();
    let state: ConnectionState | null = null;
    let failures = 0;
    let wake: (() => void) | undefined;

    const setState = (next: ConnectionState) => {
      if (state === next) return;
      // The first state is only announced when it isn't the store's default.
      if (state !== null || next !== 'online') subscriber.next({ type: 'connection', state: next });
      state = next;
    };

    // A browser that comes back online retries at once rather than at the end of a back-off.
    const onOnline = () => wake?.();
    globalThis.addEventListener?.('online', onOnline);

    const connectOnce = async (): Promise<void> => {
      const attempt = new AbortController();
      const signal = AbortSignal.any([stop.signal, attempt.signal]);
      let idle: ReturnType<typeof setTimeout> | undefined;
      const touch = () => {
        clearTimeout(idle);
        idle = setTimeout(
          () => attempt.abort(new DOMException('The event stream went quiet.', 'TimeoutError')),
          options.idleTimeoutMs,
        );
      };
      try {
        const headers = await client.headers();
        headers['Accept'] = 'text/event-stream';
        if (cursor.lastEventId !== null) headers['Last-Event-ID'] = String(cursor.lastEventId);
        touch();
        const response = await client.fetch(client.url('/events'), {
          method: 'GET',
          headers,
          signal,
          cache: 'no-store',
        });
        if (!response.ok) throw await errorFromResponse(response);
        if (!response.body) throw new HelpDeskError('unavailable', 'The event stream has no body.');
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        const parser = new SseParser();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          touch();
          for (const event of parser.push(decoder.decode(value, { stream: true }))) {
            const id = event.id !== undefined && /^\d+$/.test(event.id) ? Number(event.id) : undefined;
            if (event.type === 'ready') {
              // Connected. A ready id below ours means the server lost its log (a new database):
              // start again from its head rather than wait for ids it will never reach.
              if (id !== undefined && (cursor.lastEventId === null || id < cursor.lastEventId))
                cursor.lastEventId = id;
              failures = 0;
              setState('online');
              continue;
            }
            if (id !== undefined) {
              if (cursor.lastEventId !== null && id <= cursor.lastEventId) continue;
              cursor.lastEventId = id;
            }
            if (!ENTITY_EVENTS.has(event.type)) continue;
            let data: HelpDeskEvent;
            try {
              data = JSON.parse(event.data) as HelpDeskEvent;
            } catch {
              continue;
            }
            subscriber.next(data);
          }
        }
      } finally {
        clearTimeout(idle);
        attempt.abort();
      }
    };

    void (async () => {
      while (!stop.signal.aborted) {
        try {
          await connectOnce();
        } catch (error) {
          if (stop.signal.aborted) return;
          if (error instanceof HelpDeskError && !error.retryable) {
            // A refused token or a bad request won't get better by trying again.
            setState('offline');
            subscriber.error(error);
            return;
          }
        }
        if (stop.signal.aborted) return;
        failures++;
        setState(failures >= options.offlineAfter ? 'offline' : 'reconnecting');
        const woken = new AbortController();
        wake = () => woken.abort();
        try {
          await sleep(backoffDelay(failures, options, random), AbortSignal.any([stop.signal, woken.signal]));
        } catch {
          // Woken early, or stopped: the loop condition decides.
        }
        wake = undefined;
      }
    })();

    return () => {
      globalThis.removeEventListener?.('online', onOnline);
      stop.abort();
    };
  }).pipe(share());
}
