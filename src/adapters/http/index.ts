export type { ReconnectOptions } from './event-stream.js';
export { HttpAdapter, type HttpAdapterOptions } from './http-adapter.js';
export type { HeadersOption, RetryOptions } from './request.js';
