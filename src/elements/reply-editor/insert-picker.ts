import { msg, str } from '@lit/localize';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';

import type { Insertable, InsertableKind } from '../../model/index.js';
import type { HelpDeskStore } from '../../state/store.js';
import { insertKinds } from './toolbar.js';

/**
 * A searchable picker of one kind of insertable (snippets, articles, meeting links, quotes,
 * documents), fed by the store's `searchInsertables`. Answers that arrive out of order are dropped.
 */
export class InsertPicker {
  kind: InsertableKind | null = null;
  query = '';
  results: Insertable[] = [];
  loading = false;
  error: string | null = null;
  private request = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly store: () => HelpDeskStore | undefined,
  ) {}

  open(kind: InsertableKind): void {
    this.kind = kind;
    this.query = '';
    this.results = [];
    void this.search();
  }

  close(): void {
    this.kind = null;
    clearTimeout(this.timer);
    this.request++;
    this.host.requestUpdate();
  }

  setQuery(text: string): void {
    this.query = text;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(), 150);
  }

  private async search(): Promise<void> {
    const store = this.store();
    if (!store || !this.kind) return;
    const id = ++this.request;
    this.loading = true;
    this.error = null;
    this.host.requestUpdate();
    const result = await store.searchInsertables(this.kind, this.query.trim());
    if (id !== this.request) return;
    this.loading = false;
    if (result.ok) this.results = result.value;
    else this.error = result.error.message;
    this.host.requestUpdate();
  }
}

function pickerKeydown(event: KeyboardEvent, close: () => void): void {
  const root = event.currentTarget as HTMLElement;
  const buttons = [...root.querySelectorAll<HTMLElement>('li button')];
  const active = (root.getRootNode() as ShadowRoot).activeElement as HTMLElement;
  const index = buttons.indexOf(active);
  if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation();
    close();
  } else if (event.key === 'ArrowDown' && buttons.length) {
    event.preventDefault();
    buttons[Math.min(index + 1, buttons.length - 1)]?.focus();
  } else if (event.key === 'ArrowUp' && index >= 0) {
    event.preventDefault();
    if (index === 0) root.querySelector<HTMLElement>('input')?.focus();
    else buttons[index - 1]?.focus();
  }
}

export function renderPicker(
  picker: InsertPicker,
  pick: (item: Insertable) => void,
  close: () => void,
): TemplateResult | typeof nothing {
  if (!picker.kind) return nothing;
  const label = insertKinds().find((k) => k.kind === picker.kind)?.label ?? '';
  const status = picker.loading
    ? msg('Searching…')
    : picker.error
      ? msg(str`Search failed: ${picker.error}`)
      : picker.results.length === 0
        ? msg('Nothing found.')
        : '';
  return html`<div
    class="popover picker"
    role="dialog"
    aria-label=${label}
    @keydown=${(e: KeyboardEvent) => pickerKeydown(e, close)}
  >
    <div class="row">
      <input
        type="search"
        aria-label=${msg(str`Search ${label}`)}
        placeholder=${msg('Search…')}
        .value=${picker.query}
        @input=${(e: Event) => picker.setQuery((e.target as HTMLInputElement).value)}
      />
      <button @click=${close}>${msg('Close')}</button>
    </div>
    ${status ? html`<p class=${picker.error ? 'error' : 'hint'} role="status">${status}</p>` : nothing}
    <ul aria-label=${msg('Results')}>
      ${picker.results.map(
        (item) => html`<li><button @click=${() => pick(item)}>${item.title}</button></li>`,
      )}
    </ul>
  </div>`;
}
