import { Observable, type Subscription } from 'rxjs';

import type { HelpDeskAdapter, HelpDeskEvent } from '../adapters/adapter.js';
import { HelpDeskError, type HelpDeskErrorCode } from '../adapters/errors.js';
import { seededRandom } from '../internal/random.js';

/** The faults to inject. Rates are fractions from 0 to 1. */
export interface FaultOptions {
  /** Delay added to every call, in ms. */
  latencyMs?: number;
  /** Up to this many ms more, at random, on every call. */
  jitterMs?: number;
  /** Share of events never delivered. */
  dropRate?: number;
  /** Share of events delivered twice. */
  duplicateRate?: number;
  /** Share of events held back and delivered after the next one. */
  reorderRate?: number;
  /** Share of calls that reject with `failCode` instead of reaching the adapter. */
  failRate?: number;
  failCode?: HelpDeskErrorCode;
  /** Which methods may fail; all of the contract's by default. */
  failMethods?: (keyof HelpDeskAdapter)[];
  /** Seed of the dice, so a failing run can be replayed. */
  seed?: number;
}

/** An adapter with faults, plus switches for the real-time connection. */
export type FaultyAdapter<A extends HelpDeskAdapter> = A & {
  /** Drops the real-time connection: events are held (as a server keeps them for a resume) until `reconnect()`. */
  disconnect(): void;
  /** Restores the connection and delivers what was held, as a resume from the last event id would. */
  reconnect(): void;
  /** The adapter without faults. */
  readonly inner: A;
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
  let connected = true;
  // Per subscriber: how to deliver a batch, and what it missed while disconnected.
  const listeners = new Map<(events: HelpDeskEvent[]) => void, HelpDeskEvent[]>();

  const delay = () => {
    const ms = (options.latencyMs ?? 0) + (options.jitterMs ?? 0) * random();
    return ms > 0 ? new Promise<void>((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
  };

  // Each subscriber gets the faults of its own stream: drops, duplicates, and one event held for re-ordering.
  const events$ = new Observable<HelpDeskEvent>((subscriber) => {
    let waiting: HelpDeskEvent | undefined;
    const deliver = (events: HelpDeskEvent[]) => events.forEach((event) => subscriber.next(event));
    const held: HelpDeskEvent[] = [];
    const onEvent = (event: HelpDeskEvent) => {
      if (!connected) return void held.push(event);
      if (chance(options.dropRate)) return;
      const batch = chance(options.duplicateRate) ? [event, event] : [event];
      if (!waiting && chance(options.reorderRate)) return void (waiting = event);
      if (waiting) {
        // The held event goes out after this one: the pair arrives swapped.
        batch.push(waiting);
        waiting = undefined;
      }
      deliver(batch);
    };
    listeners.set(deliver, held);
    const inner: Subscription = adapter.events$.subscribe({
      next: onEvent,
      error: (error: unknown) => subscriber.error(error),
      complete: () => subscriber.complete(),
    });
    return () => {
      listeners.delete(deliver);
      inner.unsubscribe();
    };
  });

  const controls = {
    events$,
    inner: adapter,
    disconnect() {
      connected = false;
      listeners.forEach((_held, deliver) => deliver([{ type: 'connection', state: 'reconnecting' }]));
    },
    reconnect() {
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
        if (failMethods.has(key) && chance(options.failRate)) {
          const code = options.failCode ?? 'unavailable';
          throw new HelpDeskError(code, `Injected fault: ${key} failed (${code}).`);
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as FaultyAdapter<A>;
}
