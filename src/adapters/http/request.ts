// JSON over fetch: headers (static or refreshed per request), errors as HelpDeskError with the
// protocol's code, and retries only where a second try can't do harm (GETs and idempotent sends),
// never for a 4xx other than 429.
import { HelpDeskError, type HelpDeskErrorCode } from '../errors.js';
import { abortError, backoffDelay, type BackoffOptions, parseRetryAfter, sleep } from './backoff.js';

export type HeadersOption =
  Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

export interface RetryOptions extends BackoffOptions {
  /** Tries after the first. */
  retries: number;
}

export interface ClientOptions {
  baseUrl: string;
  headers?: HeadersOption;
  fetch?: typeof fetch;
  retry: RetryOptions;
  /** How long one try may take before it counts as failed. */
  timeoutMs: number;
  random: () => number;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | boolean | null | undefined>;
  body?: unknown;
  /** Safe to try again: GETs and idempotent writes. */
  retry?: boolean;
  signal?: AbortSignal;
}

const CODES = new Set<HelpDeskErrorCode>(['unauthorized', 'invalid', 'not-found', 'conflict', 'unavailable']);

function codeOfStatus(status: number): HelpDeskErrorCode {
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429 || status >= 500) return 'unavailable';
  return 'invalid';
}

/** The HelpDeskError a failed response stands for, from its JSON body when it has one. */
export async function errorFromResponse(response: Response): Promise<HelpDeskError> {
  let code = codeOfStatus(response.status);
  let message = `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  let fieldErrors: Record<string, string> | undefined;
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; fieldErrors?: Record<string, string> };
    };
    const error = body?.error;
    // The status decides whether it may be retried; the body only refines a 4xx's code.
    if (error?.code && CODES.has(error.code as HelpDeskErrorCode) && code !== 'unavailable')
      code = error.code as HelpDeskErrorCode;
    if (typeof error?.message === 'string' && error.message) message = error.message;
    if (error?.fieldErrors && typeof error.fieldErrors === 'object') fieldErrors = error.fieldErrors;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
  return new HelpDeskError(code, message, { fieldErrors, retryAfterMs });
}

export class HttpClient {
  private readonly baseUrl: string;

  constructor(private readonly options: ClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  url(path: string, query?: RequestSpec['query']): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {}))
      if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
    const search = params.toString();
    return `${this.baseUrl}${path}${search ? `?${search}` : ''}`;
  }

  async headers(): Promise<Record<string, string>> {
    const option = this.options.headers;
    return { ...(typeof option === 'function' ? await option() : option) };
  }

  /** `fetch` as given, or the global one, always called as a plain function. */
  fetch(input: string, init: RequestInit): Promise<Response> {
    const run = this.options.fetch ?? globalThis.fetch;
    return run(input, init);
  }

  /** A request; resolves with the parsed JSON body (undefined for 204). */
  async json<T>(spec: RequestSpec): Promise<T> {
    const { retry } = this.options;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once<T>(spec);
      } catch (error) {
        const failure = error instanceof HelpDeskError ? error : toFailure(error, spec.signal);
        if (failure instanceof DOMException) throw failure;
        if (!spec.retry || !failure.retryable || attempt >= retry.retries || spec.signal?.aborted)
          throw failure;
        await sleep(
          failure.retryAfterMs ?? backoffDelay(attempt + 1, retry, this.options.random),
          spec.signal,
        ).catch(() => {
          throw failure;
        });
      }
    }
  }

  private async once<T>(spec: RequestSpec): Promise<T> {
    const headers = await this.headers();
    headers['Accept'] ??= 'application/json';
    let body: string | undefined;
    if (spec.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(spec.body);
    }
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
    let response: Response;
    try {
      response = await this.fetch(this.url(spec.path, spec.query), {
        method: spec.method,
        headers,
        body,
        signal,
      });
    } catch (error) {
      throw toFailure(error, spec.signal);
    }
    if (!response.ok) throw await errorFromResponse(response);
    if (response.status === 204) return undefined as T;
    try {
      return (await response.json()) as T;
    } catch (error) {
      throw new HelpDeskError('unavailable', 'The server sent a response that is not JSON.', {
        cause: error,
      });
    }
  }
}

/** A thrown fetch failure as a HelpDeskError, or the caller's own AbortError when it cancelled. */
function toFailure(error: unknown, signal?: AbortSignal): HelpDeskError | DOMException {
  if (signal?.aborted) return abortError(signal);
  if (error instanceof HelpDeskError) return error;
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new HelpDeskError('unavailable', 'The server took too long to answer.', { cause: error });
  }
  return new HelpDeskError('unavailable', "Can't reach the server. Check the connection.", { cause: error });
}
