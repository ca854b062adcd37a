// Errors the server answers with: the adapter contract's HelpDeskError, with the HTTP status
// that carries its code. The body is always `{ error: { code, message, fieldErrors? } }`.
import {
  HelpDeskError,
  type HelpDeskErrorCode,
  type HelpDeskErrorOptions,
} from '../../../src/adapters/errors.js';

export const STATUS: Record<HelpDeskErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  'not-found': 404,
  conflict: 409,
  unavailable: 503,
};

export class ApiError extends HelpDeskError {
  readonly status: number;
  constructor(
    code: HelpDeskErrorCode,
    message: string,
    options: HelpDeskErrorOptions & { status?: number } = {},
  ) {
    super(code, message, options);
    this.status = options.status ?? STATUS[code];
  }
}

export const notFound = (what: string, id: string) =>
  new ApiError('not-found', `No ${what} with id "${id}".`);

export function errorBody(error: HelpDeskError): {
  error: { code: string; message: string; fieldErrors?: Record<string, string> };
} {
  const body: { code: string; message: string; fieldErrors?: Record<string, string> } = {
    code: error.code,
    message: error.message,
  };
  if (Object.keys(error.fieldErrors).length > 0) body.fieldErrors = error.fieldErrors;
  return { error: body };
}
