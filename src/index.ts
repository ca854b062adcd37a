/**
 * `helpdesk-elements`: the element classes, the store, the adapters and the model types.
 * Importing it registers nothing (import `helpdesk-elements/define`, or call `defineElements()`),
 * and it imports safely on a server with no DOM.
 */
export { HttpAdapter, type HttpAdapterOptions } from './adapters/http/index.js';
export * from './adapters/index.js';
export { MemoryAdapter, type MemoryAdapterOptions } from './adapters/memory/index.js';
export * from './elements/channel-connect-wizard/index.js';
export * from './elements/channel-settings/index.js';
export * from './elements/conversation-list/index.js';
export * from './elements/events.js';
export * from './elements/help-desk/index.js';
export { HelpDeskProvider, type Theme } from './elements/help-desk-provider/index.js';
export { type DefaultTag, defineElements, type DefineOptions, elementClasses } from './elements/registry.js';
export * from './elements/reply-editor/index.js';
export { ReplyToEvent, ThreadView } from './elements/thread-view/index.js';
export * from './elements/ticket-sidebar/index.js';
export {
  getLocale,
  resolveLocale,
  setLocale,
  type SupportedLocale,
  supportedLocales,
} from './localization/localization.js';
export type * from './model/index.js';
export { storeContext } from './state/context.js';
export * from './state/index.js';
export { StreamController } from './state/stream-controller.js';
export { type TokenName, tokenNames } from './styles/tokens.js';
