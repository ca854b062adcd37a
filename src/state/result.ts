import { type HelpDeskError, toHelpDeskError } from '../adapters/errors.js';

/** What every store command resolves to; commands never reject. */
export type CommandResult<T> = { ok: true; value: T } | { ok: false; error: HelpDeskError };

export function ok<T>(value: T): CommandResult<T> {
  return { ok: true, value };
}

export function fail(error: unknown): { ok: false; error: HelpDeskError } {
  return { ok: false, error: toHelpDeskError(error) };
}
