/** Why an adapter call failed. */
export type HelpDeskErrorCode = 'unauthorized' | 'invalid' | 'not-found' | 'conflict' | 'unavailable';

/** Field name to a readable message, for input the backend refused. */
export type FieldErrors = Record<string, string>;

export interface HelpDeskErrorOptions {
  fieldErrors?: FieldErrors;
  /** For `unavailable`: how long the backend asked us to wait before trying again. */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * The one error type every adapter rejects with. `message` is readable by a rep or an admin;
 * `fieldErrors` names the inputs that were wrong.
 */
export class HelpDeskError extends Error {
  override readonly name = 'HelpDeskError';
  readonly code: HelpDeskErrorCode;
  readonly fieldErrors: FieldErrors;
  readonly retryAfterMs?: number;

  constructor(code: HelpDeskErrorCode, message: string, options: HelpDeskErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.fieldErrors = options.fieldErrors ?? {};
    this.retryAfterMs = options.retryAfterMs;
  }

  /** Whether trying the same call again may succeed. */
  get retryable(): boolean {
    return this.code === 'unavailable';
  }
}

/** Anything thrown, as a `HelpDeskError` (unknown errors become `unavailable`). */
export function toHelpDeskError(error: unknown): HelpDeskError {
  if (error instanceof HelpDeskError) return error;
  if (error instanceof Error && error.name === 'AbortError') {
    return new HelpDeskError('unavailable', 'The request was cancelled.', { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new HelpDeskError('unavailable', message || 'Something went wrong.', { cause: error });
}
