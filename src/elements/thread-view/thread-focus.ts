import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Focus never falls to the page's body when a render of the thread drops the control that held it:
 * - a message rendered again under another key (a sent message's local copy replaced by the server's;
 *   they share `data-client-id`) keeps focus on that message, so Retry on a failed message leaves the
 *   rep on it once it is confirmed;
 * - any other control that went away or was disabled ("Try again" once loading starts, "New messages"
 *   once the newest message is in view) hands focus to the log, where the rep goes on reading.
 * Add it (`addController`) after the scroll window, whose own fallback for rows it then corrects.
 */
export class ThreadFocus implements ReactiveController {
  private hadFocus = false;
  private row: { key: string; clientId: string } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly log: () => HTMLElement | null,
  ) {}

  /** Before render: whether focus is in the thread, and in which message's row. */
  hostUpdate(): void {
    const active = this.host.shadowRoot?.activeElement ?? null;
    this.hadFocus = active !== null;
    const row = active?.closest<HTMLElement>('[data-key]');
    const key = row?.dataset['key'];
    const clientId = row?.dataset['clientId'];
    this.row = key && clientId ? { key, clientId } : null;
  }

  hostUpdated(): void {
    const root = this.host.shadowRoot;
    const { hadFocus, row } = this;
    this.hadFocus = false;
    this.row = null;
    if (!root || !hadFocus) return;
    if (row && !root.querySelector(`[data-key="${CSS.escape(row.key)}"]`)) {
      const again = root.querySelector(`[data-client-id="${CSS.escape(row.clientId)}"] [tabindex="-1"]`);
      if (again instanceof HTMLElement) {
        again.focus({ preventScroll: true });
        return;
      }
    }
    const active = root.activeElement;
    if (!active || active.matches(':disabled')) this.log()?.focus({ preventScroll: true });
  }
}
