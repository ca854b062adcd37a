import { Observable, type Subscription } from 'rxjs';

import type { HelpDeskAdapter, HelpDeskEvent } from '../adapters/adapter.js';
import { HelpDeskError, type HelpDeskErrorCode } from '../adapters/errors.js';
import { seededRandom } from '../internal/random.js';

/**
 * The faults to inject. Rates are fractions from 0 to 1, each rolled on its own for every call or
 * event (so at 0.1 each, about one event in ten is dropped and, of the rest, one in ten doubled).
 * Every option defaults to no fault. Calls are the methods of the `HelpDeskAdapter` contract; other
 * members (a `MemoryAdapter`'s `receive()`, `dispose()`) pass through untouched, so a test can
 * play the outside world without faults.
 */
export interface FaultOptions {
  /** Delay added to every call, in ms; default 0. */
  latencyMs?: number;
  /** Up to this many ms more, at random, on every call; default 0. */
  jitterMs?: number;
  /** Share of events never delivered; default 0. */
  dropRate?: number;
  /** Share of events delivered twice in a row; default 0. */
  duplicateRate?: number;
  /**
   * Share of events held back and delivered after the next one (or, if none comes within
   * `reorderWindowMs`, on their own, late); default 0.
   */
  reorderRate?: number;
  /** How long an event held for re-ordering waits for the next one; default 10 ms. */
  reorderWindowMs?: number;
  /** Share of calls that reject with `failCode` instead of reaching the adapter; default 0. */
  failRate?: number;
  /**
   * Share of calls that reach the adapter and take effect there, but whose answer is lost: they
   * reject with `failCode` (a timeout after the server acted). Proves retries are idempotent.
   * Default 0.
   */
  lostResponseRate?: number;
  /** The code of injected failures; default `unavailable`. */
  failCode?: HelpDeskErrorCode;
  /** Which methods may fail; all of the contract's by default. */
  failMethods?: (keyof HelpDeskAdapter)[];
  /**
   * Whether `reconnect()` delivers the events pushed while disconnected, as a resume from the last
   * event id would (default true). With false they are lost, as after a reconnect without resume.
   */
  resumeOnReconnect?: boolean;
  /**
   * Seed of the dice (default 1). The same seed gives the same sequence of dice; which call or event
   * meets which die follows the order they happen in, so a run replays exactly when its order does.
   */
  seed?: number;
}

/** How many faults were injected so far: a test can check its faults really happened. */
export interface FaultCounts {
  /** Events never delivered. */
  dropped: number;
  /** Events delivered twice. */
  duplicated: number;
  /** Events held back to arrive after the next one. */
  reordered: number;
  /** Calls rejected before they reached the adapter. */
  failed: number;
  /** Calls that reached the adapter but whose answer was lost. */
  lostResponses: number;
  /** Events that arrived while disconnected (delivered on reconnect, or lost without resume). */
  missedWhileDisconnected: number;
  /** Calls of `disconnect()` that dropped a live connection. */
  disconnects: number;
}

/**
 * An adapter with faults, plus switches for the real-time connection. The forced disconnect is a
 * switch rather than a rate, so a test decides when the outage happens and how long it lasts.
 */
export type FaultyAdapter<A extends HelpDeskAdapter> = A & {
  /** Drops the real-time connection: events are held (or lost, see `resumeOnReconnect`) until `reconnect()`. */
  disconnect(): void;
  /** Restores the connection and delivers what was held, as a resume from the last event id would. */
  reconnect(): void;
  /** The faults injected so far. */
  readonly faults: Readonly<FaultCounts>;
  /** The adapter without faults. */
  readonly inner: A;
  /** Subscribers to `events$` right now: zero once every store on the adapter has let go. */
  readonly subscribers: number;
};

const contractMethods = new Set<string>([
  'listChannels', 'listAccounts', 'connectAccount', 'updateAccount', 'deleteAccount', 'listConversations',
  'listMessages', 'sendMessage', 'uploadAttachment', 'markRead', 'getTicket', 'updateTicket', 'getContact',
  'listPastConversations', 'listAgents', 'listTeams', 'listPipelines', 'listViews', 'saveView', 'deleteView',
  'searchInsertables', 'getCurrentAgent',
]); // prettier-ignore

/**
 * Wraps an adapter so that calls are slow or fail and events are dropped, duplicated, re-ordered or
 * held across a disconnect: for tests and stories that prove the elements lose nothing.
 *
 * @example
 * const adapter = withFaults(new MemoryAdapter(), { failRate: 0.1, dropRate: 0.1, seed: 7 });
 */
export function withFaults<A extends HelpDeskAdapter>(
  adapter: A,
  options: FaultOptions = {},
): FaultyAdapter<A> {
  const random = seededRandom(options.seed ?? 1);
  const chance = (rate = 0) => rate > 0 && random() < rate;
  const failMethods = new Set<string>(options.failMethods ?? contractMethods);
  const failCode = options.failCode ?? 'unavailable';
  const resume = options.resumeOnReconnect ?? true;
  const faults: FaultCounts = {
    dropped: 0,
    duplicated: 0,
    reordered: 0,
    failed: 0,
    lostResponses: 0,
    missedWhileDisconnected: 0,
    disconnects: 0,
  };
  let connected = true;
  // Per subscriber: how to deliver a batch, and what it missed while disconnected.
  const listeners = new Map<(events: HelpDeskEvent[]) => void, HelpDeskEvent[]>();

  const delay = () => {
    const ms = (options.latencyMs ?? 0) + (options.jitterMs ?? 0) * random();
    return ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  };
  const injected = (key: string, lost = false) => {
    if (lost) faults.lostResponses += 1;
    else faults.failed += 1;
    const what = lost ? 'its answer was lost' : 'failed';
    return new HelpDeskError(failCode, `Injected fault: ${key} ${what} (${failCode}).`);
  };

  // Each subscriber gets the faults of its own stream: drops, duplicates, and one event held for re-ordering.
  const events$ = new Observable<HelpDeskEvent>((subscriber) => {
    let waiting: HelpDeskEvent | undefined;
    let waitingTimer: ReturnType<typeof setTimeout> | undefined;
    const held: HelpDeskEvent[] = [];
    const deliver = (events: HelpDeskEvent[]) => events.forEach((event) => subscriber.next(event));
    const missed = (event: HelpDeskEvent) => {
      faults.missedWhileDisconnected += 1;
      if (resume) held.push(event);
    };
    const takeWaiting = () => {
      clearTimeout(waitingTimer);
      const event = waiting;
      waiting = undefined;
      return event;
    };
    const onEvent = (event: HelpDeskEvent) => {
      if (!connected) return missed(event);
      if (chance(options.dropRate)) return void (faults.dropped += 1);
      const duplicate = chance(options.duplicateRate);
      if (duplicate) faults.duplicated += 1;
      const batch = duplicate ? [event, event] : [event];
      if (!waiting && chance(options.reorderRate)) {
        faults.reordered += 1;
        waiting = event;
        // Nothing may follow it: then it arrives late, on its own, instead of never.
        waitingTimer = setTimeout(() => {
          const late = takeWaiting();
          if (late && connected) deliver(duplicate ? [late, late] : [late]);
          else if (late) missed(late);
        }, options.reorderWindowMs ?? 10);
        return;
      }
      const late = takeWaiting();
      // The held event goes out after this one: the pair arrives swapped.
      if (late) batch.push(late);
      deliver(batch);
    };
    listeners.set(deliver, held);
    const inner: Subscription = adapter.events$.subscribe({
      next: onEvent,
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    });
    return () => {
      takeWaiting();
      listeners.delete(deliver);
      inner.unsubscribe();
    };
  });

  const controls = {
    events$,
    inner: adapter,
    faults,
    get subscribers() {
      return listeners.size;
    },
    disconnect() {
      if (!connected) return;
      connected = false;
      faults.disconnects += 1;
      listeners.forEach((_held, deliver) => deliver([{ type: 'connection', state: 'reconnecting' }]));
    },
    reconnect() {
      if (connected) return;
      connected = true;
      listeners.forEach((held, deliver) =>
        deliver([{ type: 'connection', state: 'online' }, ...held.splice(0)]),
      );
    },
  };

  return new Proxy(adapter, {
    get(target, key, receiver) {
      if (typeof key === 'string' && key in controls) return controls[key as keyof typeof controls];
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof key !== 'string' || typeof value !== 'function' || !contractMethods.has(key)) {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (...args: unknown[]) => {
        await delay();
        const mayFail = failMethods.has(key);
        if (mayFail && chance(options.failRate)) throw injected(key);
        const result: unknown = await (value as (...a: unknown[]) => unknown).apply(target, args);
        if (mayFail && chance(options.lostResponseRate)) throw injected(key, true);
        return result;
      };
    },
  }) as FaultyAdapter<A>;
}
