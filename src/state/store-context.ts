import type { HelpDeskAdapter } from '../adapters/adapter.js';
import type { HelpDeskState } from './state.js';

/** What command modules need from the store; kept internal so the store's public face stays small. */
export interface StoreContext {
  readonly adapter: HelpDeskAdapter;
  readonly pageSize: number;
  readonly state: HelpDeskState;
  /** Applies a pure change to the state; a change returning the same state emits nothing. */
  update(change: (state: HelpDeskState) => HelpDeskState): void;
  newClientId(): string;
  now(): string;
}

/** Calls the adapter in a way that turns a synchronous throw into a rejection, so one catch covers both. */
export async function call<T>(request: () => Promise<T>): Promise<T> {
  return await request();
}
