import { sendKeys } from '@web/test-runner-commands';

import type { TicketSidebar } from '../../src/elements/ticket-sidebar/ticket-sidebar.js';
import { getByRole, type NameMatch } from './queries.js';
import { settle } from './ticket-sidebar-fixture.js';

/**
 * Chooses an option of a select as a pick from its popup does: focus, then the option's selection with
 * `input` and `change`. (Typing the label also works in Chromium, but its type-ahead buffer joins keys
 * typed within a second, so two choices in a row would need a pause.)
 */
export async function chooseOption(
  el: TicketSidebar,
  select: HTMLSelectElement,
  label: string,
): Promise<void> {
  select.focus();
  const option = [...select.options].find((o) => o.text.trim() === label);
  if (!option)
    throw new Error(`No option "${label}" in ${[...select.options].map((o) => o.text).join(', ')}`);
  select.value = option.value;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

/** Focuses a text field, types into it, and leaves it with Tab (which commits it). */
export async function typeInto(
  el: TicketSidebar,
  field: HTMLElement,
  text: string,
  commit = true,
): Promise<void> {
  field.focus();
  await sendKeys({ type: text });
  if (commit) await sendKeys({ press: 'Tab' });
  await settle(el);
}

export async function click(el: TicketSidebar, role: string, name: NameMatch): Promise<void> {
  getByRole(el, role, name).click();
  await settle(el);
}
