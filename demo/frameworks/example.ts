/**
 * What every framework example under demo/frameworks/ exports: `mount(container, options)` renders the same
 * small inbox (a conversation list, the open thread and the reply editor inside a provider) with that
 * framework, and returns a handle to change its options and to unmount it. The tests mount, drive and
 * unmount each one; the example pages call it on a demo store.
 *
 * The app, in every framework:
 * - a "Hide search" checkbox that sets the `hide-search` attribute of `<conversation-list>`;
 * - `store` (a property) on `<help-desk-provider>`, `density` on the list, `conversation-id` on the thread
 *   and the editor, from the app's state;
 * - `conversation-select` from the list puts the conversation in the app's state, shown as
 *   "Selected conversation: <id>"; `message-send` from the editor shows "Last reply: <text>".
 */
import type { HelpDeskStore } from '../../src/index.js';

export interface ExampleOptions {
  /** The desk's store (the page or the test makes and starts it). */
  store: HelpDeskStore;
  /** The list's `density`. */
  density?: 'comfortable' | 'compact';
}

export interface MountedExample {
  /** Renders again with these options merged into the current ones. */
  update(options: Partial<ExampleOptions>): void;
  /** Removes the example; it leaves no subscription, timer or listener behind. */
  unmount(): void;
}

export type MountExample = (container: HTMLElement, options: ExampleOptions) => MountedExample;

/** The labels the examples render, shared so the tests find them by the same names. */
export const exampleText = {
  hideSearch: 'Hide search',
  selected: (id: string | null) => `Selected conversation: ${id ?? 'none'}`,
  lastReply: (text: string | null) => `Last reply: ${text ?? 'none'}`,
};
