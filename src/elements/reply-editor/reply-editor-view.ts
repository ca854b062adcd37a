// What a reply editor needs around its text area once it is on a page: the composer (toolbar, menus,
// pickers, forms, attachments, sending, the rich editor's controller) and its styles. A chunk of its
// own (see internal/lazy-view.ts); the text area and the draft it keeps are in the element class, so
// the rep can type before this arrives.
import { ReplyComposer } from './reply-composer.js';
import type { ReplyEditor } from './reply-editor.js';

export { composerStyles as styles } from './reply-composer.styles.js';

export function createReplyComposer(host: ReplyEditor): ReplyComposer {
  return new ReplyComposer(host);
}
