import { ContextRoot } from '@lit/context';

import { ChannelConnectWizard } from './channel-connect-wizard/channel-connect-wizard.js';
import { ChannelSettings } from './channel-settings/channel-settings.js';
import { ConversationList } from './conversation-list/conversation-list.js';
import { HelpDesk } from './help-desk/help-desk.js';
import { HelpDeskProvider } from './help-desk-provider/help-desk-provider.js';
import { ReplyEditor } from './reply-editor/reply-editor.js';
import { ThreadView } from './thread-view/thread-view.js';
import { TicketSidebar } from './ticket-sidebar/ticket-sidebar.js';

/** Every element of the kit under its default tag. */
export const elementClasses = {
  'help-desk-provider': HelpDeskProvider,
  'help-desk': HelpDesk,
  'conversation-list': ConversationList,
  'thread-view': ThreadView,
  'reply-editor': ReplyEditor,
  'ticket-sidebar': TicketSidebar,
  'channel-connect-wizard': ChannelConnectWizard,
  'channel-settings': ChannelSettings,
} as const satisfies Record<string, CustomElementConstructor>;

export type DefaultTag = keyof typeof elementClasses;

export interface DefineOptions {
  /**
   * Registers `<prefix>-<tag>` instead of the default tags, for hosts whose tag names collide
   * (`prefix: 'acme'` gives `<acme-help-desk-provider>`).
   */
  prefix?: string;
}

let contextRootAttached = false;

/**
 * Providers may upgrade after the elements that ask them for a store (a lazy-loaded provider, a
 * prefixed one defined later); a context root on the document replays those requests.
 */
function attachContextRoot(): void {
  if (contextRootAttached || typeof document === 'undefined') return;
  new ContextRoot().attach(document.documentElement);
  contextRootAttached = true;
}

const validPrefix = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Registers every element of the kit. Safe to call twice: a tag already defined by the same class is
 * left alone; a tag taken by some other element is skipped with a warning that names the way out.
 * Returns the tag each element was registered under.
 */
export function defineElements(options: DefineOptions = {}): Record<DefaultTag, string> {
  const { prefix } = options;
  if (prefix !== undefined && !validPrefix.test(prefix)) {
    throw new TypeError(`defineElements: prefix "${prefix}" must be lower-case letters, digits and dashes.`);
  }
  const registry = globalThis.customElements;
  attachContextRoot();
  const tags = {} as Record<DefaultTag, string>;
  for (const [defaultTag, base] of Object.entries(elementClasses) as [
    DefaultTag,
    CustomElementConstructor,
  ][]) {
    const tag = prefix ? `${prefix}-${defaultTag}` : defaultTag;
    tags[defaultTag] = tag;
    if (!registry) continue; // Server-side import: nothing to register.
    const existing = registry.get(tag);
    if (existing) {
      if (existing !== base && !(existing.prototype instanceof base)) {
        console.warn(
          `helpdesk-elements: <${tag}> is already defined by another element; call defineElements({ prefix }) to use other tags.`,
        );
      }
      continue;
    }
    // A class can be registered once per registry, so other tags get a subclass of their own.
    registry.define(tag, prefix ? class extends (base as typeof HTMLElement) {} : base);
  }
  return tags;
}
