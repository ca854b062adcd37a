// Part of the lazily loaded editor engine: every place the editor turns an HTML string into DOM (a
// saved rich draft, HTML pasted or dropped from outside). Under `require-trusted-types-for 'script'`
// an HTML sink takes only TrustedHTML, and a page's CSP lists the policies it allows. The kit's
// documented policy (README, "Embedding") lists `helpdesk dompurify lit-html`, so the editor makes
// no policy of its own: DOMPurify parses the string under its `dompurify` policy, strips scripts and
// handlers, and hands back an inert fragment; the schema's parser then keeps only what the channel
// allows. ProseMirror's own paste and drop path would create a policy named `ProseMirrorClipboard`,
// which such a page refuses (a violation, then an exception), so `clipboardPlugin` takes HTML pastes
// and drops before ProseMirror does.
import DOMPurify from 'dompurify';
import { DOMParser as PMDOMParser, type ResolvedPos, type Schema, Slice } from 'prosemirror-model';
import { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

const INLINE_PARENTS =
  /^(a|abbr|acronym|b|cite|code|del|em|i|ins|kbd|label|output|q|ruby|s|samp|span|strong|sub|sup|time|u|tt|var)$/i;

/**
 * HTML as an inert, sanitized fragment. Throws when the page refused DOMPurify's policy (the
 * string then cannot be parsed at all), so a caller can fall back to plain text.
 */
export function htmlToFragment(html: string): DocumentFragment {
  // DOMPurify answers null when it could not parse the string at all.
  const fragment = DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true }) as DocumentFragment | null;
  if (!fragment || (!fragment.hasChildNodes() && /\S/.test(html.replace(/<[^>]*>/g, '')))) {
    throw new Error('The HTML could not be parsed (did the page refuse the dompurify policy?)');
  }
  // Chrome copies a space next to a tag as a no-break space in a span of this class; undo it, as ProseMirror does.
  for (const span of fragment.querySelectorAll('span.Apple-converted-space')) {
    span.replaceWith(span.ownerDocument.createTextNode((span.textContent ?? '').replace(/\u00a0/g, ' ')));
  }
  return fragment;
}

/** HTML from the clipboard or a drop as a slice of this schema, open as ProseMirror opens foreign HTML. */
export function htmlToSlice(schema: Schema, html: string, $context: ResolvedPos): Slice {
  const fragment = htmlToFragment(html);
  // As ProseMirror's paste: a <br> closing a block (Chrome ends copied HTML with one) is no line break.
  for (const br of fragment.querySelectorAll('br')) {
    if (!br.nextSibling && br.parentNode && !INLINE_PARENTS.test(br.parentNode.nodeName)) br.remove();
  }
  const slice = PMDOMParser.fromSchema(schema).parseSlice(fragment, { context: $context });
  return Slice.maxOpen(slice.content, true);
}

/**
 * Takes HTML pastes and drops from outside the editor before ProseMirror's own handlers (see the
 * top of the file). Goes after the view's own `handleDOMEvents`, which see files and long pastes
 * first. A drag inside the editor keeps ProseMirror's handling (it moves a slice; no HTML is parsed).
 */
export function clipboardPlugin(schema: Schema): Plugin {
  const replace = (view: EditorView, html: string, from: number, to: number) =>
    view.state.tr
      .replaceRange(from, to, htmlToSlice(schema, html, view.state.doc.resolve(from)))
      .scrollIntoView();
  return new Plugin({
    props: {
      handleDOMEvents: {
        // Custom handlers run even when the view is not editable; ProseMirror's own then do nothing.
        paste(view, event) {
          const html = event.clipboardData?.getData('text/html');
          if (!html || !view.editable) return false;
          event.preventDefault();
          const { from, to } = view.state.selection;
          view.dispatch(replace(view, html, from, to).setMeta('paste', true).setMeta('uiEvent', 'paste'));
          return true;
        },
        drop(view, event) {
          const html = event.dataTransfer?.getData('text/html');
          if (!html || view.dragging || !view.editable) return false;
          event.preventDefault();
          const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
          if (at) view.dispatch(replace(view, html, at.pos, at.pos).setMeta('uiEvent', 'drop'));
          view.focus();
          return true;
        },
      },
    },
  });
}
