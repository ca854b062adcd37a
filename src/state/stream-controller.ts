import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Observable, Subscription } from 'rxjs';

/**
 * Reads one store stream into an element: subscribes while the element is connected, unsubscribes
 * when it leaves the page, asks for a render on each value, and subscribes again whenever the
 * inputs the stream depends on change (a new store, another conversation id).
 *
 * @example
 * private readonly thread = new StreamController(this, () => [this.desk, this.conversationId],
 *   () => this.desk?.thread$(this.conversationId));
 */
export class StreamController<T> implements ReactiveController {
  /** The latest value, or undefined before the first one. */
  value: T | undefined;

  private subscription: Subscription | undefined;
  private deps: readonly unknown[] | undefined;
  private connected = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly dependencies: () => readonly unknown[],
    private readonly source: () => Observable<T> | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.connected = true;
    this.resubscribeIfNeeded(false);
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe();
  }

  /** Runs before every render, so a changed input is followed before the element reads `value`. */
  hostUpdate(): void {
    this.resubscribeIfNeeded(true);
  }

  private resubscribeIfNeeded(inUpdate: boolean): void {
    if (!this.connected) return;
    const next = this.dependencies();
    if (this.deps && sameItems(this.deps, next)) return;
    this.unsubscribe();
    this.deps = next;
    this.value = undefined;
    const source = this.source();
    if (!source) return;
    // A value replayed synchronously inside hostUpdate is read by the render already under way.
    let synchronous = true;
    this.subscription = source.subscribe((value) => {
      this.value = value;
      if (!(synchronous && inUpdate)) this.host.requestUpdate();
    });
    synchronous = false;
  }

  private unsubscribe(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
    this.deps = undefined;
  }
}

function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
}
