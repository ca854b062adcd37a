// The editor's menus (Channel, Insert, More send options): which one is open, and their keyboard. The
// menu button opens the menu and focuses its first item (ArrowDown as well, ArrowUp its last); arrows,
// Home and End move; Escape closes and returns to the button; a press outside the element closes it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

function items(menu: HTMLElement): HTMLElement[] {
  return [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([disabled])')];
}

export function focusFirstItem(menu: HTMLElement | null | undefined, at: 'first' | 'last' = 'first'): void {
  if (menu) (at === 'first' ? items(menu)[0] : items(menu).at(-1))?.focus();
}

/** On a menu button: ArrowDown opens the menu at its first item, ArrowUp at its last (ARIA menu button). */
export function menuButtonKeydown(event: KeyboardEvent, open: (at: 'first' | 'last') => void): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  event.preventDefault();
  open(event.key === 'ArrowDown' ? 'first' : 'last');
}

/** Handles a keydown inside a menu; `close` is called on Escape and Tab. */
export function menuKeydown(event: KeyboardEvent, close: () => void): void {
  const menu = event.currentTarget as HTMLElement;
  const list = items(menu);
  const root = menu.getRootNode() as Document | ShadowRoot;
  const current = list.indexOf(root.activeElement as HTMLElement);
  let next: number | undefined;
  switch (event.key) {
    case 'ArrowDown':
      next = (current + 1) % list.length;
      break;
    case 'ArrowUp':
      next = (current - 1 + list.length) % list.length;
      break;
    case 'Home':
      next = 0;
      break;
    case 'End':
      next = list.length - 1;
      break;
    case 'Escape':
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    case 'Tab':
      close();
      return;
    default:
      return;
  }
  event.preventDefault();
  list[next]?.focus();
}

/** Which menu is open (one at a time), and focus moving into it when it opens and back when it closes. */
export class OpenMenu<M extends string> implements ReactiveController {
  current: M | null = null;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this.handleOutside, true);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.handleOutside, true);
  }

  set(menu: M | null): void {
    this.current = menu;
    this.host.requestUpdate();
  }

  async toggle(menu: M): Promise<void> {
    this.set(this.current === menu ? null : menu);
    await this.host.updateComplete;
    if (this.current) focusFirstItem(this.element());
  }

  /** Opens a menu from the keyboard (ArrowDown or ArrowUp on its button) at its first or last item. */
  async openAt(menu: M, at: 'first' | 'last'): Promise<void> {
    this.set(menu);
    await this.host.updateComplete;
    focusFirstItem(this.element(), at);
  }

  /** Closes the menu, back to its button. */
  close(buttonId: string): void {
    this.set(null);
    this.host.shadowRoot?.querySelector<HTMLElement>(`#${buttonId}`)?.focus();
  }

  private element(): HTMLElement | null | undefined {
    return this.host.shadowRoot?.querySelector<HTMLElement>('[role="menu"]');
  }

  private readonly handleOutside = (event: Event) => {
    if (this.current && !event.composedPath().includes(this.host)) this.set(null);
  };
}
