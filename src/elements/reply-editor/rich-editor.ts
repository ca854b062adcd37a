// The editor engine, loaded on demand (dynamic import from engine-loader.ts) so the kit's first
// load stays small. Everything ProseMirror lives behind this module's `createRichEditor`.
import { baseKeymap, chainCommands, exitCode, toggleMark } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import type { Node as PMNode, Schema } from 'prosemirror-model';
import { liftListItem, sinkListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { type Command, EditorState, TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';

import type { RichTextFeature } from '../../model/index.js';
import type { EditorContent, RichEditor, RichEditorOptions } from './engine-types.js';
import { buildSchema } from './rich-schema.js';
import { docToHtml, docToText, htmlToDoc, textToDoc } from './rich-serialize.js';
import { clipboardPlugin } from './trusted-html.js';

function makeDoc(schema: Schema, content: EditorContent): PMNode {
  if (content.html) {
    try {
      return htmlToDoc(schema, content.html);
    } catch {
      // Trusted Types refused the policy: the plain text is always there.
    }
  }
  return textToDoc(schema, content.text);
}

function listCommand(schema: Schema, name: 'bullet_list' | 'ordered_list'): Command {
  return (state, dispatch) => {
    const type = schema.nodes[name];
    const item = schema.nodes['list_item'];
    if (!type || !item) return false;
    const { $from } = state.selection;
    for (let depth = $from.depth; depth > 0; depth--) {
      const node = $from.node(depth);
      if (node.type === type) return liftListItem(item)(state, dispatch);
      if (node.type.name.endsWith('_list')) {
        if (dispatch) dispatch(state.tr.setNodeMarkup($from.before(depth), type));
        return true;
      }
    }
    return wrapInList(type)(state, dispatch);
  };
}

function buildKeymap(schema: Schema, options: RichEditorOptions): Record<string, Command> {
  const keys: Record<string, Command> = {
    'Mod-Enter': () => {
      options.onSubmit();
      return true;
    },
    'Mod-z': undo,
    'Shift-Mod-z': redo,
    'Mod-y': redo,
    'Mod-k': () => {
      if (!schema.marks['link']) return false;
      options.onLinkRequest();
      return true;
    },
  };
  const br = schema.nodes['hard_break']!;
  keys['Shift-Enter'] = chainCommands(exitCode, (state, dispatch) => {
    if (dispatch) dispatch(state.tr.replaceSelectionWith(br.create()).scrollIntoView());
    return true;
  });
  for (const [key, mark] of [
    ['Mod-b', 'strong'],
    ['Mod-i', 'em'],
    ['Mod-u', 'underline'],
    ['Mod-e', 'code'],
  ] as const) {
    const type = schema.marks[mark];
    if (type) keys[key] = toggleMark(type);
  }
  const item = schema.nodes['list_item'];
  if (item) {
    keys['Enter'] = splitListItem(item);
    keys['Mod-['] = liftListItem(item);
    keys['Mod-]'] = sinkListItem(item);
  }
  if (schema.nodes['bullet_list']) keys['Shift-Mod-8'] = listCommand(schema, 'bullet_list');
  if (schema.nodes['ordered_list']) keys['Shift-Mod-7'] = listCommand(schema, 'ordered_list');
  return keys;
}

const markNames: Partial<Record<RichTextFeature, string>> = {
  bold: 'strong',
  italic: 'em',
  underline: 'underline',
  strike: 'strike',
  code: 'code',
  link: 'link',
};

export function createRichEditor(mount: HTMLElement, options: RichEditorOptions): RichEditor {
  const schema = buildSchema(options.features);
  const newState = (content: EditorContent) =>
    EditorState.create({
      doc: makeDoc(schema, content),
      // Pasted and dropped HTML is parsed through DOMPurify's Trusted Types policy, not ProseMirror's own.
      plugins: [history(), keymap(buildKeymap(schema, options)), keymap(baseKeymap), clipboardPlugin(schema)],
    });
  const empty = (doc: PMNode) => doc.childCount === 1 && doc.firstChild!.content.size === 0;

  const view: EditorView = new EditorView(mount, {
    state: newState(options.initial),
    editable: () => options.editable(),
    attributes: (state) => ({
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': options.label(),
      'data-placeholder': options.placeholder(),
      'data-empty': String(empty(state.doc)),
      'aria-disabled': String(!options.editable()),
      spellcheck: 'true',
    }),
    // Typed text leaves the cursor after it. ProseMirror's default reads the cursor back from the
    // page, and Chrome can report it still before the first character typed into an empty paragraph
    // when the key comes in the same frame as a programmatic focus (the desk's "Reply" moving focus
    // here): the rest of the reply then went in front of that character.
    handleTextInput(view, from, to, text) {
      const tr = view.state.tr.insertText(text, from, to);
      view.dispatch(tr.setSelection(TextSelection.create(tr.doc, from + text.length)));
      return true;
    },
    dispatchTransaction(tr) {
      view.updateState(view.state.apply(tr));
      options.onChange(tr.docChanged);
    },
    handleDOMEvents: {
      paste(_view, event) {
        const data = event.clipboardData;
        if (!data) return false;
        const files = [...data.files];
        if (files.length > 0) {
          event.preventDefault();
          options.onFiles(files);
          return true;
        }
        // A huge paste is cut before ProseMirror parses it, so the page never freezes on it.
        const text = data.getData('text/plain');
        const { from, to } = view.state.selection;
        const room = options.maxLength() - (docToText(view.state.doc).length - (to - from));
        if (text.length > room) {
          event.preventDefault();
          const kept = text.slice(0, Math.max(0, room));
          if (kept) view.dispatch(view.state.tr.insertText(kept).scrollIntoView());
          options.onPasteCut(options.maxLength());
          return true;
        }
        return false;
      },
      drop(_view, event) {
        const files = [...(event.dataTransfer?.files ?? [])];
        if (files.length === 0) return false;
        event.preventDefault();
        options.onFiles(files);
        return true;
      },
    },
  });

  // The composer reads the text several times per keystroke (the counter, the limit, Send); a 5,000-word
  // reply takes a walk of the whole document each time. Documents are immutable: once per document.
  let textOf: { doc: PMNode; text: string } | undefined;
  const text = (doc: PMNode) =>
    (textOf?.doc === doc ? textOf : (textOf = { doc, text: docToText(doc) })).text;

  const run = (command: Command) => {
    command(view.state, view.dispatch);
    view.focus();
  };

  return {
    getText: () => text(view.state.doc),
    getHtml: () => docToHtml(view.state.doc),
    isEmpty: () => empty(view.state.doc) && text(view.state.doc) === '',
    isActive(feature) {
      const state = view.state;
      if (feature === 'bullet-list' || feature === 'ordered-list') {
        const name = feature === 'bullet-list' ? 'bullet_list' : 'ordered_list';
        const { $from } = state.selection;
        for (let d = $from.depth; d > 0; d--) if ($from.node(d).type.name === name) return true;
        return false;
      }
      const type = schema.marks[markNames[feature] ?? ''];
      if (!type) return false;
      const { from, $from, to, empty: collapsed } = state.selection;
      if (collapsed) return !!type.isInSet(state.storedMarks ?? $from.marks());
      return state.doc.rangeHasMark(from, to, type);
    },
    toggle(feature) {
      if (feature === 'bullet-list') return run(listCommand(schema, 'bullet_list'));
      if (feature === 'ordered-list') return run(listCommand(schema, 'ordered_list'));
      const type = schema.marks[markNames[feature] ?? ''];
      if (type) run(toggleMark(type));
    },
    selectedText: () => {
      const { from, to } = view.state.selection;
      return view.state.doc.textBetween(from, to, ' ');
    },
    setLink(href, text) {
      const type = schema.marks['link'];
      if (!type) return;
      const { from, to, empty: collapsed } = view.state.selection;
      const tr = view.state.tr;
      if (collapsed) {
        const label = text || href;
        tr.insertText(label, from).addMark(from, from + label.length, type.create({ href }));
        tr.setSelection(TextSelection.create(tr.doc, from + label.length));
      } else {
        tr.removeMark(from, to, type).addMark(from, to, type.create({ href }));
      }
      view.dispatch(tr.scrollIntoView());
      view.focus();
    },
    insert(text, link) {
      const { from } = view.state.selection;
      const tr = view.state.tr.insertText(text);
      let end = from + text.length;
      if (link) {
        const type = schema.marks['link'];
        if (type) {
          tr.insertText(` ${link.text}`, end);
          tr.addMark(end + 1, end + 1 + link.text.length, type.create({ href: link.href }));
          end += 1 + link.text.length;
        } else {
          const written = link.text === link.href ? ` ${link.href}` : ` ${link.text} (${link.href})`;
          tr.insertText(written, end);
          end += written.length;
        }
      }
      tr.setSelection(TextSelection.create(tr.doc, end));
      view.dispatch(tr.scrollIntoView());
      view.focus();
    },
    setContent(content) {
      view.updateState(newState(content));
      options.onChange(false);
    },
    cursorToEnd() {
      const end = TextSelection.atEnd(view.state.doc);
      view.dispatch(view.state.tr.setSelection(end));
    },
    refresh: () => view.setProps({}),
    focus: () => view.focus(),
    hasFocus: () => view.hasFocus(),
    destroy: () => view.destroy(),
  };
}
