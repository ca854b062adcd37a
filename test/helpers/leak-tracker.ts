/**
 * Records what an embedding leaves running: the timers (`setInterval`, `setTimeout`,
 * `requestAnimationFrame`) and the listeners on `window` and `document` added while it is installed.
 * Only what goes through the globals at call time is seen: a library that captured `setTimeout` when it
 * loaded (React's scheduler does) is invisible to it, and so are listeners on elements, which go away with
 * the elements. It polls with the timer functions it saved, so its own waiting is never recorded.
 */
type Listener = { target: EventTarget; type: string; listener: unknown; capture: boolean };

export interface LeakTracker {
  /** Intervals started since `install` and not cleared. */
  readonly liveIntervals: number;
  /** Timeouts and animation frames started since `install` that have neither run nor been cancelled. */
  readonly pendingCallbacks: number;
  /** Listeners added to `window` or `document` since `install` and not removed, as "target type". */
  globalListeners(): string[];
  /** Where each interval, timeout and frame still pending was started. */
  pending(): string[];
  /** Polls, with the saved `setTimeout`, until `check` is true. */
  waitUntil(check: () => boolean, what: string, timeout?: number): Promise<void>;
  uninstall(): void;
}

/** The browser's timer functions (the Node typings in the program would otherwise win). */
type SetTimer = (handler: TimerHandler, ms?: number, ...args: unknown[]) => number;

export function installLeakTracker(): LeakTracker {
  const original = {
    setTimeout: window.setTimeout as SetTimer,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval as SetTimer,
    clearInterval: window.clearInterval,
    requestAnimationFrame: window.requestAnimationFrame,
    cancelAnimationFrame: window.cancelAnimationFrame,
    addEventListener: EventTarget.prototype.addEventListener,
    removeEventListener: EventTarget.prototype.removeEventListener,
  };
  // Each timer with where it was started, for the failure message.
  const intervals = new Map<number, string>();
  const timeouts = new Map<number, string>();
  const frames = new Map<number, string>();
  const origin = () =>
    (new Error().stack ?? '')
      .split('\n')
      .slice(4, 8)
      .map((line) => line.trim())
      .join(' < ');
  // The test runner's own timers (a command's 20 s timeout stays pending after its answer) are not the app's.
  const runners = /__web-dev-server__|\/@web\/test-runner|\/@open-wc\//;
  const record = (into: Map<number, string>, id: number, what: string) => {
    const where = origin();
    if (!runners.test(where.split(' < ')[0]!)) into.set(id, `${what} at ${where}`);
  };
  const listeners: Listener[] = [];
  const isGlobal = (target: EventTarget) => target === window || target === document;
  const captureOf = (options?: boolean | EventListenerOptions) =>
    typeof options === 'boolean' ? options : Boolean(options?.capture);

  // `clearTimeout` and `clearInterval` share one pool of ids: either clears either.
  const forget = (id?: number) => {
    if (id === undefined) return;
    timeouts.delete(id);
    intervals.delete(id);
  };
  const same = (l: Listener, target: EventTarget, type: string, listener: unknown, capture: boolean) =>
    l.target === target && l.type === type && l.listener === listener && l.capture === capture;
  const drop = (target: EventTarget, type: string, listener: unknown, capture: boolean) => {
    const index = listeners.findIndex((l) => same(l, target, type, listener, capture));
    if (index >= 0) listeners.splice(index, 1);
  };

  const callback =
    (handler: TimerHandler, after: () => void) =>
    (...args: unknown[]) => {
      after();
      if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...args);
    };

  Object.assign(window, {
    setTimeout(handler: TimerHandler, ms?: number, ...args: unknown[]) {
      const id: number = original.setTimeout.call(
        window,
        callback(handler, () => timeouts.delete(id)),
        ms,
        ...args,
      );
      record(timeouts, id, `timeout ${ms ?? 0} ms`);
      return id;
    },
    clearTimeout(id?: number) {
      forget(id);
      original.clearTimeout.call(window, id);
    },
    setInterval(handler: TimerHandler, ms?: number, ...args: unknown[]) {
      const id = original.setInterval.call(window, handler, ms, ...args);
      record(intervals, id, `interval ${ms ?? 0} ms`);
      return id;
    },
    clearInterval(id?: number) {
      forget(id);
      original.clearInterval.call(window, id);
    },
    requestAnimationFrame(handler: FrameRequestCallback) {
      const id: number = original.requestAnimationFrame.call(
        window,
        callback(handler as TimerHandler, () => frames.delete(id)),
      );
      record(frames, id, 'frame');
      return id;
    },
    cancelAnimationFrame(id: number) {
      frames.delete(id);
      original.cancelAnimationFrame.call(window, id);
    },
  });

  EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
    // A `once` listener removes itself unseen, so it is not recorded; one with a `signal` goes on abort.
    const once = typeof options === 'object' && options.once;
    if (isGlobal(this) && listener && !once) {
      const capture = captureOf(options);
      if (!listeners.some((l) => same(l, this, type, listener, capture))) {
        listeners.push({ target: this, type, listener, capture });
        const signal = typeof options === 'object' ? options.signal : undefined;
        signal?.addEventListener('abort', () => drop(this, type, listener, capture), { once: true });
      }
    }
    return original.addEventListener.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
    if (isGlobal(this)) drop(this, type, listener, captureOf(options));
    return original.removeEventListener.call(this, type, listener, options);
  };

  return {
    get liveIntervals() {
      return intervals.size;
    },
    get pendingCallbacks() {
      return timeouts.size + frames.size;
    },
    pending: () => [...intervals.values(), ...timeouts.values(), ...frames.values()],
    globalListeners: () => listeners.map((l) => `${l.target === window ? 'window' : 'document'} ${l.type}`),
    async waitUntil(check, what, timeout = 5000) {
      const end = performance.now() + timeout;
      while (!check()) {
        if (performance.now() > end) {
          throw new Error(
            `Timed out waiting for ${what}; pending: ${JSON.stringify([...intervals.values(), ...timeouts.values(), ...frames.values()], null, 1)}`,
          );
        }
        await new Promise((resolve) => original.setTimeout.call(window, resolve, 10));
      }
    },
    uninstall() {
      Object.assign(window, {
        setTimeout: original.setTimeout,
        clearTimeout: original.clearTimeout,
        setInterval: original.setInterval,
        clearInterval: original.clearInterval,
        requestAnimationFrame: original.requestAnimationFrame,
        cancelAnimationFrame: original.cancelAnimationFrame,
      });
      EventTarget.prototype.addEventListener = original.addEventListener;
      EventTarget.prototype.removeEventListener = original.removeEventListener;
    },
  };
}
