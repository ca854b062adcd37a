// Keyboard of the editor's menus (Channel, Insert, More send options): the menu button opens the
// menu and focuses its first item (ArrowDown as well, ArrowUp its last); arrows, Home and End move; Escape closes and returns to the button.

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
