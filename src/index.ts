/**
 * `helpdesk-elements`: the element classes, the store, the adapters and the model types.
 * Importing it registers nothing (import `helpdesk-elements/define`, or call `defineElements()`),
 * and it imports safely on a server with no DOM.
 */
export * from './adapters/index.js';
export { MemoryAdapter, type MemoryAdapterOptions } from './adapters/memory/index.js';
export { HelpDeskProvider, type Theme } from './elements/help-desk-provider/index.js';
export { type DefaultTag, type DefineOptions, defineElements, elementClasses } from './elements/registry.js';
export { getLocale, resolveLocale, setLocale, type SupportedLocale, supportedLocales } from './localization/localization.js';
export type * from './model/index.js';
export { storeContext } from './state/context.js';
export * from './state/index.js';
export { StreamController } from './state/stream-controller.js';
export { type TokenName, tokenNames } from './styles/tokens.js';
