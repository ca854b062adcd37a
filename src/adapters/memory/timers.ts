// Every timer the adapter starts goes through here, so `dispose()` can stop them all.

export class Timers {
  private readonly pending = new Set<ReturnType<typeof setTimeout>>();
  private readonly intervals = new Set<ReturnType<typeof setInterval>>();
  private stopped = false;

  after(ms: number, run: () => void): void {
    if (this.stopped) return;
    const handle = setTimeout(() => {
      this.pending.delete(handle);
      run();
    }, ms);
    this.pending.add(handle);
  }

  every(ms: number, run: () => void): void {
    if (this.stopped) return;
    this.intervals.add(setInterval(run, ms));
  }

  /** Resolves after `ms`; resolves at once when 0 so a zero-latency adapter stays quick. */
  delay(ms: number, signal?: AbortSignal): Promise<void> {
    if (ms <= 0 && !signal) return Promise.resolve();
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      const handle = setTimeout(() => {
        this.pending.delete(handle);
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(handle);
        this.pending.delete(handle);
        reject(abortReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.add(handle);
    });
  }

  stop(): void {
    this.stopped = true;
    for (const handle of this.pending) clearTimeout(handle);
    for (const handle of this.intervals) clearInterval(handle);
    this.pending.clear();
    this.intervals.clear();
  }
}

/** The abort reason as an `AbortError` DOMException, so callers can tell a cancel from a failure. */
export function abortReason(signal: AbortSignal): unknown {
  const reason: unknown = signal.reason;
  return reason instanceof DOMException && reason.name === 'AbortError'
    ? reason
    : new DOMException('The upload was cancelled.', 'AbortError');
}
