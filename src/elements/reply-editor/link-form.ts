import { msg } from '@lit/localize';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';

import { safeLinkUrl } from '../../internal/safe-url.js';
import type { RichEditor } from './engine-types.js';

/** A URL as typed: "example.com" means https; anything unsafe (javascript:, data:) is refused. */
export function normalizeLink(input: string): string | undefined {
  const value = input.trim();
  if (!value) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(value)
    ? value
    : value.includes('@') && !value.includes('/')
      ? `mailto:${value}`
      : `https://${value}`;
  return safeLinkUrl(withScheme);
}

export interface LinkFormProps {
  open: boolean;
  error: string | null;
  askText: boolean;
  submit: (url: string, text: string) => void;
  cancel: () => void;
}

export function renderLinkForm(p: LinkFormProps): TemplateResult | typeof nothing {
  if (!p.open) return nothing;
  const onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    p.submit(String(data.get('url') ?? ''), String(data.get('text') ?? ''));
  };
  return html`<form
    class="row link-form"
    aria-label=${msg('Link')}
    @submit=${onSubmit}
    @keydown=${(e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        p.cancel();
      }
    }}
  >
    <input
      type="text"
      name="url"
      aria-label=${msg('Link URL')}
      placeholder="https://"
      aria-invalid=${p.error ? 'true' : 'false'}
      aria-describedby="link-error"
      autocomplete="url"
    />
    ${p.askText ? html`<input type="text" name="text" aria-label=${msg('Link text')} placeholder=${msg('Link text')} />` : nothing}
    <button type="submit">${msg('Add link')}</button>
    <button type="button" @click=${p.cancel}>${msg('Cancel')}</button>
    <p id="link-error" class="error" role="alert">${p.error ?? ''}</p>
  </form>`;
}

export function unsafeLinkMessage(): string {
  return msg('That link is not allowed. Use a web, e-mail or phone link (http, https, mailto, tel).');
}

/** The Link form's state: opened from the button or Ctrl/Cmd+K, refusing unsafe URLs with a message. */
export class LinkController {
  private state: { error: string | null; askText: boolean } | null = null;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly editor: () => Promise<RichEditor | undefined>,
  ) {}

  async open(): Promise<void> {
    const editor = await this.editor();
    this.state = { error: null, askText: !editor?.selectedText() };
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.host.shadowRoot?.querySelector<HTMLInputElement>('.link-form input')?.focus();
  }

  reset(): void {
    this.state = null;
    this.host.requestUpdate();
  }

  private async submit(url: string, text: string): Promise<void> {
    const href = normalizeLink(url);
    if (!href) {
      this.state = { askText: this.state?.askText ?? true, error: unsafeLinkMessage() };
      this.host.requestUpdate();
      return;
    }
    this.reset();
    (await this.editor())?.setLink(href, text.trim() || undefined);
  }

  private async close(): Promise<void> {
    this.reset();
    (await this.editor())?.focus();
  }

  render(): TemplateResult | typeof nothing {
    return renderLinkForm({
      open: !!this.state,
      error: this.state?.error ?? null,
      askText: this.state?.askText ?? false,
      submit: (url, label) => void this.submit(url, label),
      cancel: () => void this.close(),
    });
  }
}
