import { msg, str } from '@lit/localize';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

import type { RichTextFeature } from '../../model/index.js';
import { loadEngine } from './engine-loader.js';
import type { EditorContent, RichEditor } from './engine-types.js';
import type { PlainText } from './plain-text.js';

// Formatting beyond plain paragraphs and line breaks: only then is rich text worth sending.
const hasFormatting = (value: string) => /<(?!\/?p>|br>)/.test(value);

export interface EngineHost extends ReactiveControllerHost, HTMLElement {
  readonly placeholder?: string;
  readonly disabled: boolean;
  /** The text area's content (the element renders the text area, so typing works before this arrives). */
  readonly plain: PlainText;
}

export interface EngineOptions {
  features: () => readonly RichTextFeature[];
  limit: () => number;
  onChange: () => void;
  onSubmit: () => void;
  onLinkRequest: () => void;
  onFiles: (files: File[]) => void;
  onNotice: (message: string) => void;
}

/**
 * The text surface: the element's plain text area until the ProseMirror engine has loaded (on first
 * focus or idle time), then the rich editor, carrying over what was typed. Re-creates the editor when
 * the channel's allowed features change, so the schema (and with it the paste filter) follows.
 */
export class EngineController implements ReactiveController {
  editor: RichEditor | undefined;
  private features = '';
  private loading = false;

  constructor(
    private readonly host: EngineHost,
    private readonly options: EngineOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    if (!this.editor) return;
    // Back to the text area, carrying the content, in case the element is put back on the page.
    this.setContent({ text: this.editor.getText(), html: this.editor.getHtml() });
    this.editor.destroy();
    this.editor = undefined;
  }

  hostUpdated(): void {
    if (this.editor && this.options.features().join() !== this.features) void this.build();
  }

  get text(): string {
    return this.editor ? this.editor.getText() : this.host.plain.text;
  }

  /** The reply as HTML when the channel carries rich text and the reply has any formatting. */
  get richText(): string | undefined {
    if (!this.editor || this.options.features().length === 0) return undefined;
    const value = this.editor.getHtml();
    return hasFormatting(value) ? value : undefined;
  }

  setContent(content: EditorContent): void {
    this.host.plain.set(content);
    this.editor?.setContent(content);
    this.host.requestUpdate();
  }

  /** Focuses the text surface: the rich editor, or the text area until the engine has loaded. */
  focus(options?: FocusOptions): void {
    if (this.editor) this.editor.focus();
    else this.host.shadowRoot?.querySelector<HTMLTextAreaElement>('textarea.plain')?.focus(options);
  }

  /** Appends text where the engine is not loaded (the plain text area). */
  appendPlain(text: string): void {
    const plain = this.host.plain;
    plain.text += (plain.text ? '\n' : '') + text;
    this.host.requestUpdate();
  }

  async load(): Promise<RichEditor | undefined> {
    if (this.editor || this.loading || !this.host.isConnected) return this.editor;
    this.loading = true;
    try {
      await this.build();
    } catch {
      // The engine could not be fetched: the plain text area keeps working; focus tries again.
    } finally {
      this.loading = false;
    }
    return this.editor;
  }

  private async build(): Promise<void> {
    const create = await loadEngine();
    if (!this.host.isConnected) return;
    await this.host.updateComplete;
    const root = this.host.shadowRoot;
    const mount = root?.querySelector<HTMLElement>('.mount');
    if (!mount) return;
    const hadFocus = this.editor ? this.editor.hasFocus() : root?.activeElement?.localName === 'textarea';
    let content: EditorContent;
    if (this.editor) {
      // A rebuild for another channel's features would otherwise flatten a rich draft the previous
      // (plain) editor was only showing.
      const plain = this.host.plain;
      content = plain.edited ? { text: this.editor.getText(), html: this.editor.getHtml() } : plain.restored;
      this.editor.destroy();
    } else {
      // What was typed in the text area is kept; the saved rich version only if nothing changed.
      content = this.host.plain.content;
    }
    const features = this.options.features();
    this.features = features.join();
    const o = this.options;
    this.editor = create(mount, {
      features,
      initial: content,
      label: () => msg('Reply'),
      placeholder: () => this.host.placeholder ?? msg('Write a reply…'),
      editable: () => !this.host.disabled,
      maxLength: o.limit,
      onChange: (docChanged) => {
        this.host.requestUpdate();
        if (docChanged) {
          this.host.plain.edited = true;
          o.onChange();
        }
      },
      onSubmit: o.onSubmit,
      onLinkRequest: o.onLinkRequest,
      onFiles: o.onFiles,
      onPasteCut: (limit) =>
        o.onNotice(msg(str`The pasted text was cut to fit the ${limit}-character limit.`)),
    });
    this.editor.cursorToEnd();
    // Focus moves now, before the render that removes the text area (or after destroying the old
    // view): otherwise it falls to the page's body meanwhile, and what the rep types then is lost.
    if (hadFocus) this.editor.focus();
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (hadFocus && !this.editor.hasFocus()) this.editor.focus();
  }

  /** A paste into the text area: files are attached; text beyond the limit is cut, with a message. */
  readonly pastePlain = (event: ClipboardEvent) => {
    const data = event.clipboardData;
    if (!data) return;
    if (data.files.length > 0) {
      event.preventDefault();
      this.options.onFiles([...data.files]);
      return;
    }
    const area = event.target as HTMLTextAreaElement;
    const text = data.getData('text/plain');
    const limit = this.options.limit();
    const room = limit - (area.value.length - (area.selectionEnd - area.selectionStart));
    if (text.length > room) {
      // A huge paste is cut here with a message, rather than silently by `maxlength`.
      event.preventDefault();
      area.setRangeText(text.slice(0, Math.max(0, room)), area.selectionStart, area.selectionEnd, 'end');
      this.host.plain.text = area.value;
      this.host.plain.edited = true;
      this.options.onNotice(msg(str`The pasted text was cut to fit the ${limit}-character limit.`));
      this.options.onChange();
    }
  };
}
