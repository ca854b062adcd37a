import type { EditorContent } from './engine-types.js';

/**
 * What the reply's text area holds. It is in the kit's entries with the element class: the rep can
 * type before the composer's view and the rich editor have arrived, and both carry this over.
 */
export class PlainText {
  /** The text area's value. */
  text = '';
  /** The draft as restored: its rich version is kept while the text is unchanged. */
  restored: EditorContent = { text: '' };
  /** Whether the rep changed the reply since the draft was restored. */
  edited = false;

  set(content: EditorContent): void {
    this.restored = content;
    this.edited = false;
    this.text = content.text;
  }

  /** The content the rich editor starts from: what was typed, or the saved rich version if nothing changed. */
  get content(): EditorContent {
    return this.text === this.restored.text ? this.restored : { text: this.text };
  }
}
