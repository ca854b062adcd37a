import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Focus never falls to the page's body when a render of the sidebar drops or disables the control that
 * held it ("Try again" once the section loads again): it goes to the heading button of the section it
 * was in, else to the first one. Controls that choose a better place after the render (a menu giving
 * focus back to its button) still do, as they focus once the update is complete.
 */
export class FocusFallback implements ReactiveController {
  private hadFocus = false;
  private headingId: string | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {}

  /** Before render: whether focus is in the sidebar, and in which section. */
  hostUpdate(): void {
    const active = this.host.shadowRoot?.activeElement ?? null;
    this.hadFocus = active !== null;
    this.headingId = active?.closest('section[aria-labelledby]')?.getAttribute('aria-labelledby') ?? null;
  }

  hostUpdated(): void {
    const root = this.host.shadowRoot;
    const { hadFocus, headingId } = this;
    this.hadFocus = false;
    this.headingId = null;
    if (!root || !hadFocus) return;
    const active = root.activeElement;
    if (active && !active.matches(':disabled')) return;
    const heading = (headingId && root.getElementById(headingId)) || root.querySelector('section button');
    (heading as HTMLElement | null)?.focus();
  }
}
