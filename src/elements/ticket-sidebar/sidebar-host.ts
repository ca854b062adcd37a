import type { LitElement } from 'lit';

import type { HelpDeskStore } from '../../state/store.js';

/** What the sidebar's controllers need of it: a render on request, its shadow root, and the store. */
export interface SidebarHost {
  readonly element: LitElement;
  readonly store: () => HelpDeskStore | undefined;
}

/** Focuses the element matching `selector` in the sidebar's shadow root once the next render is done. */
export async function focusAfterRender(host: SidebarHost, selector: string): Promise<void> {
  await host.element.updateComplete;
  host.element.renderRoot.querySelector<HTMLElement>(selector)?.focus();
}
