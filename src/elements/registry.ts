import { ContextRoot } from '@lit/context';
import type { LitElement, TemplateResult } from 'lit';
import { isTemplateResult } from 'lit/directive-helpers.js';

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
 * The elements whose templates contain other kit tags (`<help-desk>` renders its panes). Only these
 * are retagged under a prefix: retagging walks the whole rendered template on every render, which
 * the others (a thread on every scroll frame) must not pay for nothing.
 */
const composites: ReadonlySet<DefaultTag> = new Set(['help-desk']);

type Retag = (value: unknown) => unknown;

/**
 * Rewrites the kit's default tags in rendered templates to the prefixed ones, so a prefixed element
 * that renders other kit elements (`<acme-help-desk>`'s panes) uses its own set and never whatever
 * else owns the default tag names. Works on the template `render()` returns, its nested templates and
 * arrays of them (not templates made inside directives; no kit element renders kit tags that way).
 * Each source template maps to one rewritten strings array, so Lit still prepares it only once.
 */
function retagger(tags: Record<DefaultTag, string>): Retag {
  const names = (Object.keys(tags) as DefaultTag[]).sort((a, b) => b.length - a.length);
  const opening = new RegExp(`<(/?)(${names.join('|')})(?=[\\s/>])`, 'g');
  const cache = new WeakMap<TemplateStringsArray, TemplateStringsArray>();
  const retagStrings = (strings: TemplateStringsArray): TemplateStringsArray => {
    let out = cache.get(strings);
    if (!out) {
      const mapped = strings.map((part) =>
        part.replace(opening, (_match, close: string, tag: DefaultTag) => `<${close}${tags[tag]}`),
      );
      // Lit accepts only arrays that look like a tagged template's (with `raw`).
      out = Object.freeze(Object.assign(mapped, { raw: Object.freeze([...mapped]) })) as TemplateStringsArray;
      cache.set(strings, out);
    }
    return out;
  };
  const retag: Retag = (value) => {
    if (Array.isArray(value)) return value.map(retag);
    if (!isTemplateResult(value)) return value;
    const result = value as TemplateResult;
    return { ...result, strings: retagStrings(result.strings), values: result.values.map(retag) };
  };
  return retag;
}

/** A class of its own for a prefixed tag (a class is registered once), rendering prefixed kit tags. */
function prefixedClass(base: CustomElementConstructor, retag: Retag): CustomElementConstructor {
  return class extends (base as typeof LitElement) {
    protected override render(): unknown {
      return retag(super.render());
    }
  };
}

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
  const entries = Object.entries(elementClasses) as [DefaultTag, CustomElementConstructor][];
  const tags = Object.fromEntries(
    entries.map(([defaultTag]) => [defaultTag, prefix ? `${prefix}-${defaultTag}` : defaultTag]),
  ) as Record<DefaultTag, string>;
  const retag = prefix ? retagger(tags) : undefined;
  for (const [defaultTag, base] of entries) {
    const tag = tags[defaultTag];
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
    if (!retag) registry.define(tag, base);
    // A class can be registered once per registry, so a prefixed tag gets a subclass of its own.
    else if (composites.has(defaultTag)) registry.define(tag, prefixedClass(base, retag));
    else registry.define(tag, class extends (base as typeof HTMLElement) {});
  }
  return tags;
}
