import type { ReactiveControllerHost } from 'lit';

import { FocusFallback } from '../../internal/focus-fallback.js';

interface FocusedRow {
  key: string;
  clientId: string | undefined;
}

/**
 * Where focus goes when a render of the thread drops the control that held it:
 * - in a message's row: back to that message, found by its key (a control of the row went away, such
 *   as Retry once the message is sending again) or by `data-client-id` (a sent message's local copy
 *   replaced by the server's, under another key);
 * - otherwise, or when the row left the rendered window: to the log, where the rep goes on reading.
 */
export function threadFocus(
  host: ReactiveControllerHost & HTMLElement,
  log: () => HTMLElement | null,
): FocusFallback<FocusedRow | null> {
  return new FocusFallback<FocusedRow | null>(
    host,
    (active) => {
      const row = active.closest<HTMLElement>('[data-key]');
      const key = row?.dataset['key'];
      return key ? { key, clientId: row.dataset['clientId'] || undefined } : null;
    },
    (row, root) => {
      if (row) {
        const again =
          root.querySelector(`[data-key="${CSS.escape(row.key)}"]`) ??
          (row.clientId ? root.querySelector(`[data-client-id="${CSS.escape(row.clientId)}"]`) : null);
        const message = again?.querySelector<HTMLElement>('[tabindex="-1"]');
        if (message) {
          message.focus({ preventScroll: true });
          return;
        }
      }
      log()?.focus({ preventScroll: true });
    },
  );
}
