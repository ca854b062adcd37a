import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Focus never falls to the page's body when a render of `host` removes or disables the control that
 * held it. Before each render, `remember` notes what matters about the focused control (in the host's
 * shadow root); after a render that lost it, `restore` gets that note and puts focus somewhere the
 * user can go on from. Controls that choose a better place themselves once the update is complete
 * (a menu giving focus back to its button) still do: they run after this.
 */
export class FocusFallback<Note> implements ReactiveController {
  private hadFocus = false;
  private note: Note | undefined;

  constructor(
    private readonly host: Host,
    private readonly remember: (active: Element) => Note,
    private readonly restore: (note: Note, root: ShadowRoot) => void,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const active = this.host.shadowRoot?.activeElement ?? null;
    this.hadFocus = active !== null;
    this.note = active ? this.remember(active) : undefined;
  }

  hostUpdated(): void {
    const root = this.host.shadowRoot;
    const { hadFocus, note } = this;
    this.hadFocus = false;
    this.note = undefined;
    if (!root || !hadFocus) return;
    const active = root.activeElement;
    if (active && !active.matches(':disabled')) return;
    this.restore(note as Note, root);
  }
}
