/**
 * The one place untrusted HTML (a message's rich body) becomes DOM. Everything goes through
 * DOMPurify with an allow-list: formatting, lists, quotes, code, links and plain images only; no
 * style, no script, no event handlers, no iframes, no forms. Links keep only http, https, mailto and
 * tel and always open in a new browsing context without an opener or referrer.
 *
 * Under Trusted Types the output is a `TrustedHTML` minted by a policy named `helpdesk`. The policy
 * object never leaves this module, so the only HTML it can sign is DOMPurify's output.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

import { safeLinkUrl, safeMediaUrl } from './safe-url.js';

const ALLOWED_TAGS = [
  'a',
  'b',
  'blockquote',
  'br',
  'code',
  'del',
  'em',
  'i',
  'img',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'u',
  'ul',
];
// `target` and `rel` are set by the hook below, never taken from the input.
const ALLOWED_ATTR = ['href', 'title', 'alt', 'src', 'dir', 'lang', 'width', 'height', 'target', 'rel'];

/** The slice of the Trusted Types API used here (not every TypeScript DOM library declares it). */
interface HtmlPolicy {
  createHTML(input: string): TrustedHTML;
  createScriptURL(input: string): unknown;
}
interface PolicyFactory {
  createPolicy(
    name: string,
    rules: { createHTML(s: string): string; createScriptURL(s: string): string },
  ): HtmlPolicy;
}

interface Sanitizer {
  purify: DOMPurify;
  config: Config & { RETURN_TRUSTED_TYPE: boolean };
}

let sanitizer: Sanitizer | null | undefined;

function createPolicy(): HtmlPolicy | undefined {
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  if (!factory?.createPolicy) return undefined;
  try {
    // A no-op policy, like DOMPurify's own: it signs what DOMPurify parses and returns, and nothing
    // else can reach it. Script URLs are never needed (no <script> survives), so they sign as empty.
    return factory.createPolicy('helpdesk', {
      createHTML: (html: string) => html,
      createScriptURL: () => '',
    });
  } catch {
    // The CSP does not allow the name, or a second copy of the kit made it first: DOMPurify's own
    // policy (or none) is used instead, and the output is a string.
    return undefined;
  }
}

/** Built on first use, so importing the kit touches no DOM (server-side imports). */
function getSanitizer(): Sanitizer | null {
  if (sanitizer !== undefined) return sanitizer;
  if (typeof window === 'undefined' || typeof document === 'undefined') return (sanitizer = null);
  // An instance of our own: hooks on the shared default instance would change other code's output.
  const purify = createDOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName === 'A') {
      const href = safeLinkUrl(node.getAttribute('href'));
      if (href) node.setAttribute('href', href);
      else node.removeAttribute('href');
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else if (node.nodeName === 'IMG') {
      // Raster images only: no SVG documents, no javascript:, no relative URLs.
      const src = safeMediaUrl(node.getAttribute('src'));
      if (src) node.setAttribute('src', src);
      else node.removeAttribute('src');
      node.setAttribute('loading', 'lazy');
      node.setAttribute('referrerpolicy', 'no-referrer');
    }
  });
  const policy = createPolicy();
  const config: Sanitizer['config'] = {
    ALLOWED_TAGS,
    ALLOWED_ATTR: [...ALLOWED_ATTR, 'loading', 'referrerpolicy'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    // Links are checked again by the hook; this stops anything else from keeping a URL.
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:)/i,
    KEEP_CONTENT: true,
    RETURN_TRUSTED_TYPE: policy !== undefined,
  };
  if (policy) config.TRUSTED_TYPES_POLICY = policy as unknown as Config['TRUSTED_TYPES_POLICY'];
  return (sanitizer = { purify, config });
}

/**
 * Sanitized HTML: a `TrustedHTML` when the page has Trusted Types and the `helpdesk` policy could be
 * made, else a string. Outside a browser it returns '' (nothing can be rendered there anyway).
 */
export function sanitizeHtml(dirty: string | null | undefined): TrustedHTML | string {
  const s = getSanitizer();
  if (!s || typeof dirty !== 'string' || dirty === '') return '';
  return s.purify.sanitize(dirty, s.config) as TrustedHTML | string;
}

/**
 * The sanitized body as nodes, for a page that refuses the `helpdesk` policy. DOMPurify parses with
 * its own `dompurify` policy when the page allows it; when nothing may parse HTML, the text is shown.
 */
function sanitizedNodes(dirty: string): DocumentFragment {
  const s = getSanitizer();
  try {
    if (s)
      return s.purify.sanitize(dirty, { ...s.config, RETURN_TRUSTED_TYPE: false, RETURN_DOM_FRAGMENT: true });
  } catch {
    // Fall through to the text.
  }
  const fragment = document.createDocumentFragment();
  fragment.append(
    dirty
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
  return fragment;
}

// Sanitized templates by input, most recently used last; a thread re-renders the same few bodies
// as it scrolls, and sanitizing each time would cost more than cloning.
const templates = new Map<string, HTMLTemplateElement>();
const TEMPLATE_CACHE_SIZE = 200;

/**
 * A fresh fragment of the sanitized body, ready to render as a Lit child value. A fragment empties
 * when inserted, so each call returns a new one (render it through `guard` to keep it).
 */
export function sanitizedFragment(dirty: string | null | undefined): DocumentFragment {
  if (typeof document === 'undefined') throw new Error('sanitizedFragment needs a DOM');
  const key = typeof dirty === 'string' ? dirty : '';
  let template = templates.get(key);
  if (template) {
    templates.delete(key);
  } else {
    template = document.createElement('template');
    try {
      // Safe sink: the value is DOMPurify's output (TrustedHTML under Trusted Types).
      template.innerHTML = sanitizeHtml(key) as string;
    } catch {
      // Trusted Types refused a string: the page's CSP does not list the `helpdesk` policy. The
      // message must still show, so DOMPurify hands over nodes instead of markup.
      template.content.replaceChildren(sanitizedNodes(key));
    }
    if (templates.size >= TEMPLATE_CACHE_SIZE) templates.delete(templates.keys().next().value!);
  }
  templates.set(key, template);
  return template.content.cloneNode(true) as DocumentFragment;
}
