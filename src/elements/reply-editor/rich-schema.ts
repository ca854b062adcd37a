// Part of the lazily loaded editor engine: the document schema, built from what the channel allows.
// Building the schema per channel makes ProseMirror's own DOMParser the paste filter: HTML from Word
// or a web page keeps only the nodes and marks the channel can carry, and drops everything else.
import { type MarkSpec, type NodeSpec, Schema } from 'prosemirror-model';

import { safeLinkUrl } from '../../internal/safe-url.js';
import type { RichTextFeature } from '../../model/index.js';

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },
  paragraph: {
    content: 'inline*',
    group: 'block',
    parseDOM: [{ tag: 'p' }, { tag: 'div' }, { tag: 'h1' }, { tag: 'h2' }, { tag: 'h3' }, { tag: 'pre' }],
    toDOM: () => ['p', 0],
  },
  text: { group: 'inline' },
  hard_break: {
    inline: true,
    group: 'inline',
    selectable: false,
    parseDOM: [{ tag: 'br' }],
    toDOM: () => ['br'],
  },
};

const blockquote: NodeSpec = {
  content: 'block+',
  group: 'block',
  defining: true,
  parseDOM: [{ tag: 'blockquote' }],
  toDOM: () => ['blockquote', 0],
};

const listNodes: Record<string, NodeSpec> = {
  bullet_list: {
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ul' }],
    toDOM: () => ['ul', 0],
  },
  ordered_list: {
    content: 'list_item+',
    group: 'block',
    parseDOM: [{ tag: 'ol' }],
    toDOM: () => ['ol', 0],
  },
  list_item: {
    content: 'paragraph block*',
    defining: true,
    parseDOM: [{ tag: 'li' }],
    toDOM: () => ['li', 0],
  },
};

// Bold written as <b style="font-weight:normal"> by Google Docs is not bold: follow ProseMirror's own rule.
const markSpecs: Record<string, [RichTextFeature, MarkSpec]> = {
  strong: [
    'bold',
    {
      parseDOM: [
        { tag: 'strong' },
        { tag: 'b', getAttrs: (node: HTMLElement) => node.style.fontWeight !== 'normal' && null },
        { style: 'font-weight=bold' },
        {
          style: 'font-weight',
          getAttrs: (value: string) => /^(bold(er)?|[5-9]\d{2,})$/.test(value) && null,
        },
      ],
      toDOM: () => ['strong', 0],
    },
  ],
  em: [
    'italic',
    {
      parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
      toDOM: () => ['em', 0],
    },
  ],
  underline: [
    'underline',
    { parseDOM: [{ tag: 'u' }, { style: 'text-decoration=underline' }], toDOM: () => ['u', 0] },
  ],
  strike: ['strike', { parseDOM: [{ tag: 's' }, { tag: 'del' }, { tag: 'strike' }], toDOM: () => ['s', 0] }],
  code: ['code', { parseDOM: [{ tag: 'code' }], toDOM: () => ['code', 0] }],
  link: [
    'link',
    {
      attrs: { href: {} },
      inclusive: false,
      parseDOM: [
        {
          tag: 'a[href]',
          // A link whose URL is not safe (javascript:, data:, relative) is pasted as plain text.
          getAttrs: (dom: HTMLElement) => {
            const href = safeLinkUrl(dom.getAttribute('href'));
            return href ? { href } : false;
          },
        },
      ],
      toDOM: (mark) => ['a', { href: mark.attrs['href'] as string, rel: 'noopener noreferrer' }, 0],
    },
  ],
};

/** A schema holding exactly the features given (plain paragraphs and line breaks always). */
export function buildSchema(features: readonly RichTextFeature[]): Schema {
  const allowed = new Set(features);
  const nodeSpecs: Record<string, NodeSpec> = { ...nodes };
  if (allowed.has('blockquote')) nodeSpecs['blockquote'] = blockquote;
  if (allowed.has('bullet-list') || allowed.has('ordered-list')) {
    nodeSpecs['list_item'] = listNodes['list_item']!;
    if (allowed.has('bullet-list')) nodeSpecs['bullet_list'] = listNodes['bullet_list']!;
    if (allowed.has('ordered-list')) nodeSpecs['ordered_list'] = listNodes['ordered_list']!;
  }
  const marks: Record<string, MarkSpec> = {};
  for (const [name, [feature, spec]] of Object.entries(markSpecs)) {
    if (allowed.has(feature)) marks[name] = spec;
  }
  return new Schema({ nodes: nodeSpecs, marks });
}
