// The contract between the element and the lazily loaded editor engine. Types only: importing it
// costs nothing at run time, so the element can speak of the engine without loading it.
import type { RichTextFeature } from '../../model/index.js';

export interface EditorContent {
  text: string;
  html?: string;
}

export interface RichEditorOptions {
  /** What the channel allows; the schema holds exactly these, so paste is cleaned to them. */
  features: readonly RichTextFeature[];
  initial: EditorContent;
  label: () => string;
  placeholder: () => string;
  editable: () => boolean;
  maxLength: () => number;
  /** After every transaction; `docChanged` says whether the content changed. */
  onChange: (docChanged: boolean) => void;
  onSubmit: () => void;
  onLinkRequest: () => void;
  onFiles: (files: File[]) => void;
  /** A paste longer than the room left was cut to fit `limit`. */
  onPasteCut: (limit: number) => void;
}

export interface RichEditor {
  getText(): string;
  getHtml(): string;
  isEmpty(): boolean;
  isActive(feature: RichTextFeature): boolean;
  toggle(feature: RichTextFeature): void;
  selectedText(): string;
  setLink(href: string, text?: string): void;
  /** Inserts text at the cursor, then a link (written out when the channel has no links). */
  insert(text: string, link?: { href: string; text: string }): void;
  setContent(content: EditorContent): void;
  cursorToEnd(): void;
  /** Re-reads the attributes (label, placeholder, editable). */
  refresh(): void;
  focus(): void;
  hasFocus(): boolean;
  destroy(): void;
}

export type CreateRichEditor = (mount: HTMLElement, options: RichEditorOptions) => RichEditor;
