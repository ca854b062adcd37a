// Part of the lazily loaded editor engine: the document to HTML (for channels that carry rich text)
// and to plain text (always sent; links are written out so a plain-text channel keeps their URLs).
import { DOMParser as PMDOMParser, DOMSerializer, type Node as PMNode, type Schema } from 'prosemirror-model';

import { htmlToFragment } from './trusted-html.js';

export function docToHtml(doc: PMNode): string {
  const holder = document.createElement('div');
  holder.append(DOMSerializer.fromSchema(doc.type.schema).serializeFragment(doc.content));
  return holder.innerHTML;
}

function inlineText(node: PMNode): string {
  let out = '';
  node.forEach((child) => {
    if (child.type.name === 'hard_break') {
      out += '\n';
      return;
    }
    const text = child.text ?? '';
    const link = child.marks.find((m) => m.type.name === 'link');
    const href = link?.attrs['href'] as string | undefined;
    out += href && href !== text && `mailto:${text}` !== href ? `${text} (${href})` : text;
  });
  return out;
}

function blockText(node: PMNode, prefix = ''): string[] {
  switch (node.type.name) {
    case 'paragraph':
      return inlineText(node)
        .split('\n')
        .map((line) => prefix + line);
    case 'blockquote':
      return children(node).flatMap((c) => blockText(c, `${prefix}> `));
    case 'bullet_list':
    case 'ordered_list': {
      const ordered = node.type.name === 'ordered_list';
      return children(node).flatMap((item, index) => {
        const marker = ordered ? `${index + 1}. ` : '- ';
        const lines = children(item).flatMap((c) => blockText(c));
        const indent = ' '.repeat(marker.length);
        return lines.map((line, i) => prefix + (i === 0 ? marker : indent) + line);
      });
    }
    default:
      return children(node).flatMap((c) => blockText(c, prefix));
  }
}

function children(node: PMNode): PMNode[] {
  const list: PMNode[] = [];
  node.forEach((c) => list.push(c));
  return list;
}

/** The reply as plain text: one line per paragraph, lists as "- " and "1. ", quotes as "> ". */
export function docToText(doc: PMNode): string {
  return children(doc)
    .map((block) => blockText(block).join('\n'))
    .join('\n')
    .replace(/\s+$/, '');
}

/** Plain text as paragraphs, one per line (how a plain text area's value becomes a document). */
export function textToDoc(schema: Schema, text: string): PMNode {
  const lines = text.split(/\r\n|\r|\n/);
  const paragraphs = lines.map((line) =>
    schema.nodes['paragraph']!.create(null, line ? schema.text(line) : null),
  );
  return schema.nodes['doc']!.create(null, paragraphs);
}

/** HTML (a draft's saved rich text) as a document of this schema; what the schema lacks is dropped. */
export function htmlToDoc(schema: Schema, html: string): PMNode {
  return PMDOMParser.fromSchema(schema).parse(htmlToFragment(html));
}
