import type { ReactiveControllerHost } from 'lit';

import { FocusFallback } from '../../internal/focus-fallback.js';

/**
 * Where focus goes when a render of the sidebar drops or disables the control that held it ("Try
 * again" once the section loads again): the heading button of the section it was in, else the first.
 */
export function sidebarFocus(host: ReactiveControllerHost & HTMLElement): FocusFallback<string | null> {
  return new FocusFallback<string | null>(
    host,
    (active) => active.closest('section[aria-labelledby]')?.getAttribute('aria-labelledby') ?? null,
    (headingId, root) => {
      const heading = (headingId && root.getElementById(headingId)) || root.querySelector('section button');
      (heading as HTMLElement | null)?.focus();
    },
  );
}
