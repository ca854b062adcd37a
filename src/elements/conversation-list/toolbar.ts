import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';

export interface ToolbarContext {
  hideSearch: boolean;
  /** The rep's search text as the store holds it. */
  searchText: string;
  notificationsOn: boolean;
  views: TemplateResult;
  onSearchInput: (event: Event) => void;
  onSearchKeydown: (event: KeyboardEvent) => void;
  onToggleNotifications: () => void;
}

/** The search box, the "Views" menu and the "Notifications" switch. */
export function renderToolbar(ctx: ToolbarContext): TemplateResult {
  // `.value` is set only when the store's text changes (a view applied, the search cleared), so the
  // rep's typing is never overwritten while the debounce runs.
  const search = ctx.hideSearch
    ? nothing
    : html`<input
        type="search"
        part="search"
        aria-label=${msg('Search conversations')}
        placeholder=${msg('Search conversations')}
        autocomplete="off"
        .value=${ctx.searchText}
        @input=${ctx.onSearchInput}
        @keydown=${ctx.onSearchKeydown}
      />`;
  return html`<div part="toolbar" class="toolbar">
    ${search} ${ctx.views}
    <button
      type="button"
      role="switch"
      part="notifications"
      aria-checked=${ctx.notificationsOn ? 'true' : 'false'}
      @click=${ctx.onToggleNotifications}
    >
      <span class="track" aria-hidden="true"></span><span>${msg('Notifications')}</span>
    </button>
  </div>`;
}
